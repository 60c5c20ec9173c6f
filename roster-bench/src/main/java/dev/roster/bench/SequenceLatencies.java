package dev.roster.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The latency of every request of a growth by its sequence number, so the first and the last requests can be
 * summarized apart: a phase's single histogram would mix the cost of adding to an empty group with that of adding
 * to a full one. Workers write distinct slots, and {@link ClosedLoopPhase} returns only after all have finished.
 */
final class SequenceLatencies {

    private static final long UNANSWERED = -1;

    private final long[] nanos;

    SequenceLatencies(int requests) {
        nanos = new long[requests];
        Arrays.fill(nanos, UNANSWERED);
    }

    void record(int sequence, Exchange exchange) {
        nanos[sequence] = exchange.answered() ? exchange.latencyNanos() : UNANSWERED;
    }

    /** Percentiles of the answered requests of {@code range}. */
    LatencySummary summary(RequestRange range) {
        Histogram micros = new Histogram(3);
        for (int sequence = range.from(); sequence < range.to(); sequence++) {
            if (nanos[sequence] != UNANSWERED) {
                micros.recordValue(TimeUnit.NANOSECONDS.toMicros(nanos[sequence]));
            }
        }
        return LatencySummary.of(micros);
    }

    /** Percentiles of every answered request. */
    LatencySummary summary() {
        return summary(new RequestRange(0, nanos.length));
    }
}
