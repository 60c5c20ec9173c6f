package dev.roster.bench;

import java.util.List;

/**
 * Everything one run measured, as written to the JSON result file.
 *
 * @param serverStartupMs the server's launch-to-healthy time when bench/run.sh started it, else null
 */
record BenchmarkReport(
        String label,
        String startedAt,
        String serverUrl,
        Long serverStartupMs,
        String directoryId,
        Settings settings,
        Machine loadGenerator,
        WarmUpResult warmup,
        List<PhaseResult> phases,
        List<ListingResult> listings) {

    record Settings(int users, int concurrency, int lookups, int updates, double requestTimeoutSeconds) {}

    record Machine(String javaVersion, String os, int processors, long maxHeapMb) {

        static Machine current() {
            Runtime runtime = Runtime.getRuntime();
            return new Machine(System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024));
        }
    }
}
