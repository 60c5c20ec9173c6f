package dev.roster.bench;

/**
 * Everything one run of the webhooks scenario measured, as written to the JSON result file.
 *
 * @param scenario always "webhooks", so a result file says which scenario wrote it
 * @param serverStartupMs the server's launch-to-healthy time when bench/run.sh started it, else null
 * @param endpointId the deployment-wide webhook endpoint the receiver was registered as
 * @param burst null when the warm-up failed before it
 * @param atRate null when the burst created no user to PATCH
 * @param backlog null when {@code --backlog 0} skipped it, or the burst created no user
 */
record WebhookBenchmarkReport(
        String scenario,
        String label,
        String startedAt,
        String serverUrl,
        Long serverStartupMs,
        String directoryId,
        String endpointId,
        Settings settings,
        BenchmarkReport.Machine loadGenerator,
        WarmUpResult warmup,
        BurstResult burst,
        RateResult atRate,
        BacklogResult backlog,
        Receiver receiver) {

    /**
     * @param graceSeconds how long a phase waits for events once none arrives
     * @param settleSeconds how long the backlog phase keeps answers held after its last create
     */
    record Settings(int burst, int concurrency, int writeRate, int durationSeconds, int backlog, long graceSeconds,
            long settleSeconds, double requestTimeoutSeconds) {}

    /**
     * The receiver's own count over the whole run, warm-up included.
     *
     * @param requests delivery requests received
     * @param duplicates requests for an event already received (delivery is at least once)
     * @param rejected requests whose Standard Webhooks signature did not verify, or without an event
     */
    record Receiver(long requests, long duplicates, long rejected, String firstRejection) {}
}
