package dev.roster.bench;

import java.util.List;

/**
 * The measured part of one closed-loop phase.
 *
 * @param requests measured requests sent, errors included
 * @param errors requests that failed: no answer within the timeout, a non-2xx status, or a wrong answer
 * @param warmUpRequests requests sent before measuring, excluded from every other figure
 * @param throughput requests per second over the measured wall-clock time
 * @param latency of every answered measured request, errors included
 * @param firstErrors the first few errors, verbatim
 */
record PhaseResult(
        String name,
        long requests,
        long errors,
        long warmUpRequests,
        double seconds,
        double throughput,
        LatencySummary latency,
        List<String> firstErrors) {}
