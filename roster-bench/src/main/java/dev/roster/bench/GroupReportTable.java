package dev.roster.bench;

import java.io.PrintStream;

/** Prints a {@link GroupBenchmarkReport} as the plain-text tables shown at the end of a groups run. */
final class GroupReportTable {

    private GroupReportTable() {}

    static void print(GroupBenchmarkReport report, PrintStream out) {
        GroupBenchmarkReport.Settings settings = report.settings();
        out.println();
        out.printf("Roster SCIM group membership benchmark%s%n",
                report.label().isEmpty() ? "" : " (" + report.label() + ")");
        out.printf("server %s, directory %s, %,d members, batches of %d, concurrency %d%n", report.serverUrl(),
                report.directoryId(), settings.members(), settings.batchSize(), settings.concurrency());
        ReportTable.printStartAndWarmUp(out, report.serverStartupMs(), report.warmup(),
                "users added to a group of each kind, with its reads,");

        PhaseResult create = report.create();
        LatencySummary createLatency = create.latency();
        out.println();
        out.printf("%-16s %9s %7s %10s %11s %9s %9s %9s%n", "phase", "requests", "errors", "req/s", "members/s",
                "p50 ms", "p99 ms", "max ms");
        out.printf("%-16s %9d %7d %10.1f %11s %9.2f %9.2f %9.2f%n", "create users", create.requests(),
                create.errors(), create.throughput(), "", createLatency.p50Ms(), createLatency.p99Ms(),
                createLatency.maxMs());
        for (GroupGrowthResult growth : report.growths()) {
            LatencySummary latency = growth.latency();
            out.printf("%-16s %9d %7d %10.1f %11.1f %9.2f %9.2f %9.2f%n", growth.name(), growth.requests(),
                    growth.errors(), growth.requestsPerSecond(), growth.membersPerSecond(), latency.p50Ms(),
                    latency.p99Ms(), latency.maxMs());
        }
        out.printf("each growth: PATCH adds of members to a new group until it holds every user, %d in flight;"
                + "%nlatency from sending a request to the last byte of its answer; req/s leaves out the reads.%n",
                settings.concurrency());
        if (report.growths().isEmpty()) {
            return;
        }

        int additions = report.growths().getFirst().first().additions();
        out.println();
        out.printf("%-16s %-29s   %-29s%n", "", String.format("first %,d additions", additions),
                String.format("last %,d additions", additions));
        out.printf("%-16s %9s %9s %9s   %9s %9s %9s %14s%n", "PATCH latency", "requests", "p50 ms", "p99 ms",
                "requests", "p50 ms", "p99 ms", "last/first p50");
        for (GroupGrowthResult growth : report.growths()) {
            GroupGrowthResult.Additions first = growth.first();
            GroupGrowthResult.Additions last = growth.last();
            out.printf("%-16s %9d %9.2f %9.2f   %9d %9.2f %9.2f %14.2f%n", growth.name(), first.requests(),
                    first.latency().p50Ms(), first.latency().p99Ms(), last.requests(), last.latency().p50Ms(),
                    last.latency().p99Ms(), growth.lastToFirstP50());
        }
        out.println("requests: the PATCHes that carried those additions, in the order they were sent.");

        out.println();
        out.printf("%-16s %9s %-13s %9s %9s %11s %7s%n", "read", "members", "", "p50 ms", "max ms", "bytes",
                "errors");
        for (GroupGrowthResult growth : report.growths()) {
            for (GroupReadTiming read : growth.reads()) {
                out.printf("%-16s %9d %-13s %9.2f %9.2f %11d %7d%n", growth.name(), read.members(), read.read(),
                        read.latency().p50Ms(), read.latency().maxMs(), read.responseBytes(), read.errors());
                if (read.firstError() != null) {
                    out.printf("  %s: %s%n", read.read(), read.firstError());
                }
            }
        }
        out.printf("reads one at a time, %d measured after %d unmeasured of each: full is GET /Groups/{id},"
                + " no members adds%n?excludedAttributes=members, list by name is GET /Groups?filter=displayName"
                + " eq \"…\"&excludedAttributes=members.%n", settings.readsMeasured(), settings.readsUnmeasured());
    }
}
