package dev.roster.bench;

import java.util.List;

/**
 * One measured closed-loop phase.
 *
 * @param requests measured requests sent, errors included
 * @param errors requests that failed: no answer within the timeout, a non-2xx status, or a wrong answer
 * @param throughput requests per second over the measured wall-clock time
 * @param latency of every answered measured request, errors included
 * @param firstErrors the first few errors, verbatim
 */
record PhaseResult(
        String name,
        long requests,
        long errors,
        double seconds,
        double throughput,
        LatencySummary latency,
        List<String> firstErrors) {}
