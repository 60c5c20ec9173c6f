package dev.roster.bench;

import java.io.PrintStream;

/** Prints a {@link WebhookBenchmarkReport} as the plain-text tables shown at the end of a webhooks run. */
final class WebhookReportTable {

    private WebhookReportTable() {}

    static void print(WebhookBenchmarkReport report, PrintStream out) {
        WebhookBenchmarkReport.Settings settings = report.settings();
        out.println();
        out.printf("Roster webhook delivery benchmark%s%n",
                report.label().isEmpty() ? "" : " (" + report.label() + ")");
        out.printf("server %s, directory %s, endpoint %s (every organization) at a receiver in this process%n",
                report.serverUrl(), report.directoryId(), report.endpointId());
        ReportTable.printStartAndWarmUp(out, report.serverStartupMs(), report.warmup(),
                "creates and 10 s at the write rate, with their deliveries,");

        BurstResult burst = report.burst();
        if (burst != null) {
            PhaseResult writes = burst.writes();
            out.println();
            out.printf("burst: %,d creates at concurrency %d, %,.1f creates/s, %d errors, p50 %.2f ms, p99 %.2f ms%n",
                    writes.requests(), settings.concurrency(), writes.throughput(), writes.errors(),
                    writes.latency().p50Ms(), writes.latency().p99Ms());
            out.printf("%-10s %9s %9s %7s %11s %10s %9s%n", "", "events", "delivered", "lost", "events/s",
                    "seconds", "drain s");
            out.printf("%-10s %9d %9d %7d %11.1f %10.2f %9.2f%n", "delivery", burst.events(), burst.delivered(),
                    burst.lost(), burst.eventsPerSecond(), burst.deliverySeconds(), burst.drainSeconds());
            out.println("events/s: events delivered from the first one's arrival to the last's; drain: from the last"
                    + " create's\nresponse to the last event's arrival.");
        }

        RateResult atRate = report.atRate();
        if (atRate != null) {
            PhaseResult writes = atRate.writes();
            LatencySummary latency = atRate.writeToReceipt();
            out.println();
            out.printf("at rate: %,d writes/s scheduled for %d s (creates and PATCHes alternately), %,.1f/s achieved,"
                    + " %d errors%n", atRate.targetRate(), atRate.durationSeconds(), writes.throughput(),
                    writes.errors());
            out.printf("%-16s %9s %9s %7s %9s %9s %9s %9s%n", "", "events", "delivered", "lost", "p50 ms", "p90 ms",
                    "p99 ms", "max ms");
            out.printf("%-16s %9d %9d %7d %9.2f %9.2f %9.2f %9.2f%n", "write to receipt", atRate.events(),
                    atRate.delivered(), atRate.lost(), latency.p50Ms(), latency.p90Ms(), latency.p99Ms(),
                    latency.maxMs());
            out.printf("from each write's response to its event's arrival at the receiver; lost: no event %d s after"
                    + " the last arrival.%n", settings.graceSeconds());
        }

        BacklogResult backlog = report.backlog();
        if (backlog != null) {
            PhaseResult writes = backlog.writes();
            out.println();
            out.printf("backlog: %,d creates at concurrency %d with answers held, %,.1f creates/s, %d errors,"
                    + " p50 %.2f ms, p99 %.2f ms%n", writes.requests(), settings.concurrency(), writes.throughput(),
                    writes.errors(), writes.latency().p50Ms(), writes.latency().p99Ms());
            out.printf("%-10s %9s %9s %7s %10s %11s %9s%n", "", "events", "delivered", "lost", "duplicates",
                    "events/s", "drain s");
            out.printf("%-10s %9d %9d %7d %10d %11.1f %9.2f%n", "drain", backlog.events(), backlog.delivered(),
                    backlog.lost(), backlog.duplicates(), backlog.eventsPerSecond(), backlog.drainSeconds());
            out.printf("the receiver answered nothing until %d s after the last create; drain: from that release to"
                    + " the last\nevent's arrival; events/s: events delivered over the drain, the requests held at"
                    + " the release\n(at most 256) counting as received then.%n", settings.settleSeconds());
        }

        WebhookBenchmarkReport.Receiver receiver = report.receiver();
        out.println();
        out.printf("receiver: %,d requests, %,d duplicates, %,d rejected%n", receiver.requests(),
                receiver.duplicates(), receiver.rejected());
        if (receiver.firstRejection() != null) {
            out.printf("  first rejected: %s%n", receiver.firstRejection());
        }
    }
}
