package dev.roster.bench;

import java.util.List;

/**
 * Everything one run of the groups scenario measured, as written to the JSON result file.
 *
 * @param scenario always "groups", so a result file says which scenario wrote it
 * @param serverStartupMs the server's launch-to-healthy time when bench/run.sh started it, else null
 * @param create the creation of the users that the groups then take in
 * @param growths one group grown a member per PATCH, then one grown a batch per PATCH; empty when no user was
 *     created
 */
record GroupBenchmarkReport(
        String scenario,
        String label,
        String startedAt,
        String serverUrl,
        Long serverStartupMs,
        String directoryId,
        Settings settings,
        BenchmarkReport.Machine loadGenerator,
        WarmUpResult warmup,
        PhaseResult create,
        List<GroupGrowthResult> growths) {

    /**
     * @param checkpointMembers the group size, besides empty and full, at which each group is read
     * @param windowAdditions additions summarized apart at the start and at the end of each growth
     * @param readsMeasured sequential requests timed per kind of read and group size
     * @param readsUnmeasured sequential requests sent before those, not timed
     */
    record Settings(int members, int batchSize, int concurrency, int checkpointMembers, int windowAdditions,
            int readsMeasured, int readsUnmeasured, double requestTimeoutSeconds) {}
}
