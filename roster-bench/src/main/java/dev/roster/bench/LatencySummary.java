package dev.roster.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from a histogram recorded in microseconds. */
record LatencySummary(double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    /** What nothing measured summarizes to. */
    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0);

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencySummary(
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    static double millis(long micros) {
        return micros / 1000.0;
    }
}
