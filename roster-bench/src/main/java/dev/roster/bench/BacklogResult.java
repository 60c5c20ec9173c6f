package dev.roster.bench;

/**
 * Creates sent while the receiver held every answer, so that their {@code user.created} deliveries queued up in
 * Roster, and the drain of that backlog once the receiver let them through, with no writes running.
 *
 * @param writes the creates
 * @param events creates acknowledged, each owing one event
 * @param delivered events received, each counted once
 * @param lost events not received within the grace period after the last one that was
 * @param duplicates requests for an event received before, during this phase: a held request that outlived
 *     Roster's webhook timeout is sent again
 * @param drainSeconds from the release to the last event's arrival
 * @param eventsPerSecond delivered events over {@code drainSeconds}: Roster's delivery capacity. The requests held
 *     at the release (at most Roster's 256 in flight) count as received then, when the receiver lets them through
 */
record BacklogResult(
        PhaseResult writes,
        long events,
        long delivered,
        long lost,
        long duplicates,
        double drainSeconds,
        double eventsPerSecond) {}
