package dev.roster.bench;

/**
 * Creates sent as fast as the closed loop allows, and the delivery of their {@code user.created} events.
 *
 * @param writes the creates: their rate is the SCIM write rate with deliveries running
 * @param events creates acknowledged, each owing one event
 * @param delivered events received, each counted once
 * @param lost events not received within the grace period after the last one that was
 * @param deliverySeconds from the first event's arrival to the last's
 * @param eventsPerSecond delivered events over {@code deliverySeconds}
 * @param drainSeconds from the last create's response to the last event's arrival
 * @param writeToReceipt from each create's response to its event's arrival: mostly the queue the burst built up
 */
record BurstResult(
        PhaseResult writes,
        long events,
        long delivered,
        long lost,
        double deliverySeconds,
        double eventsPerSecond,
        double drainSeconds,
        LatencySummary writeToReceipt) {}
