package dev.roster.bench;

/**
 * Creates and PATCHes sent on a fixed schedule, and the delivery of their events.
 *
 * @param targetRate writes per second scheduled
 * @param writes the writes; their {@code throughput} is the rate achieved, answers included
 * @param events writes acknowledged, each owing one event
 * @param delivered events received, each counted once
 * @param lost events not received within the grace period after the last one that was
 * @param writeToReceipt from each write's response to its event's arrival, 0 when the event came first
 */
record RateResult(
        int targetRate,
        long durationSeconds,
        PhaseResult writes,
        long events,
        long delivered,
        long lost,
        LatencySummary writeToReceipt) {}
