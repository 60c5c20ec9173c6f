package dev.roster.bench;

import java.io.PrintStream;

/** Prints a {@link BenchmarkReport} as the plain-text tables shown at the end of a run. */
final class ReportTable {

    private ReportTable() {}

    static void print(BenchmarkReport report, PrintStream out) {
        BenchmarkReport.Settings settings = report.settings();
        out.println();
        out.printf("Roster SCIM load benchmark%s%n", report.label().isEmpty() ? "" : " (" + report.label() + ")");
        out.printf("server %s, directory %s, %,d users, concurrency %d%n", report.serverUrl(), report.directoryId(),
                settings.users(), settings.concurrency());
        printStartAndWarmUp(out, report.serverStartupMs(), report.warmup(),
                "requests of each kind and both listings");
        out.println();
        out.printf("%-8s %9s %7s %10s %9s %9s %9s %9s%n", "phase", "requests", "errors", "req/s", "p50 ms",
                "p90 ms", "p99 ms", "max ms");
        for (PhaseResult phase : report.phases()) {
            LatencySummary latency = phase.latency();
            out.printf("%-8s %9d %7d %10.1f %9.2f %9.2f %9.2f %9.2f%n", phase.name(), phase.requests(),
                    phase.errors(), phase.throughput(), latency.p50Ms(), latency.p90Ms(), latency.p99Ms(),
                    latency.maxMs());
        }
        out.println("latency covers every answered request, from send to the last byte of the body.");

        if (!report.listings().isEmpty()) {
            out.println();
            out.printf("%-10s %6s %9s %9s %10s %9s %9s %10s %8s%n", "listing", "pages", "users", "first ms",
                    "median ms", "last ms", "max ms", "last/first", "total s");
            for (ListingResult listing : report.listings()) {
                out.printf("%-10s %6d %9d %9.2f %10.2f %9.2f %9.2f %10.2f %8.1f%n", listing.mode(), listing.pages(),
                        listing.usersSeen(), listing.firstPageMs(), listing.medianPageMs(), listing.lastPageMs(),
                        listing.maxPageMs(), listing.lastToFirst(), listing.totalSeconds());
                if (listing.error() != null) {
                    out.printf("  %s: %s%n", listing.mode(), listing.error());
                }
            }
            out.printf("pages of %d, one request at a time, each after %d unmeasured first-page requests.%n",
                    ListingWalk.PAGE_SIZE, ListingWalk.WARM_UP_PAGES);
        }
    }

    /**
     * The lines after a report's title: how long the server took to start, and the warm-up, whose work per
     * kind {@code warmUpWork} describes (it reads "N {@code warmUpWork} in directory …").
     */
    static void printStartAndWarmUp(PrintStream out, Long serverStartupMs, WarmUpResult warmUp, String warmUpWork) {
        if (serverStartupMs != null) {
            out.printf("server start to healthy: %,d ms%n", serverStartupMs);
        }
        if (warmUp.requestsPerKind() == 0) {
            out.println("warm-up: none, so the first measured requests ran on a cold server");
        } else {
            out.printf("warm-up (not measured): %,d %s in directory %s, %.1f s, %d errors%n",
                    warmUp.requestsPerKind(), warmUpWork, warmUp.directoryId(), warmUp.seconds(), warmUp.errors());
        }
    }
}
