package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Load benchmark for a running Roster: provisions its own organization and Okta directory over the management
 * API, warms the server up on a second one, then drives the first directory's SCIM endpoints the way Okta does
 * and reports throughput and latency per phase, for user provisioning or for group membership. Run
 * {@code ./dev bench --help} for the options; docs/benchmarks.md explains the figures.
 */
public final class ScimLoadBenchmark {

    private static final Duration WEBHOOK_WARM_UP = Duration.ofSeconds(10);

    private final BenchmarkOptions options;
    private final PrintStream log;
    private final JsonHttp http;
    private final OktaUsers users;
    private final OktaGroups groups;

    private ScimLoadBenchmark(BenchmarkOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.http = new JsonHttp(options.concurrency());
        this.users = new OktaUsers(http.mapper());
        this.groups = new OktaGroups(http.mapper());
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, System.getenv());
        } catch (BenchmarkOptions.UsageException e) {
            System.err.println("roster-bench: " + e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new ScimLoadBenchmark(options, System.err).run());
    }

    /** Returns the process exit status: 0 when every request succeeded, warm-up included, 1 when some failed. */
    private int run() throws IOException, InterruptedException {
        String startedAt = Instant.now().toString();
        ManagementClient management = new ManagementClient(http, options.serverUrl(), options.adminKey());
        if (options.scenario() != BenchmarkOptions.Scenario.WEBHOOKS) {
            return run(management, startedAt, null);
        }
        // registered before the directories, whose token events it receives too, so that every delivery verifies
        try (WebhookReceiver receiver = WebhookReceiver.start(http.mapper())) {
            ManagementClient.WebhookEndpoint endpoint;
            try {
                endpoint = management.registerWebhookEndpoint(receiver.url());
            } catch (IOException e) {
                log.println("roster-bench: cannot register the webhook endpoint at " + options.serverUrl() + ": "
                        + Exchange.describe(e));
                return 1;
            }
            receiver.verifyWith(endpoint.secret());
            log.printf("registered webhook endpoint %s for %s%n", endpoint.id(), receiver.url());
            try {
                return run(management, startedAt, new WebhookTarget(receiver, endpoint.id()));
            } finally {
                management.deleteWebhookEndpoint(endpoint.id());
            }
        }
    }

    /** The receiver of the webhooks scenario and the endpoint it is registered as. */
    private record WebhookTarget(WebhookReceiver receiver, String endpointId) {}

    /** {@code webhooks}: null unless the scenario is webhooks. */
    private int run(ManagementClient management, String startedAt, WebhookTarget webhooks)
            throws IOException, InterruptedException {
        ScimDirectory warmUpDirectory = null;
        ScimDirectory directory;
        try {
            if (options.warmupRequests() > 0) {
                warmUpDirectory = management.createOktaDirectory("Roster bench warm-up " + startedAt);
                log.printf("created warm-up directory %s in %s%n", warmUpDirectory.id(),
                        warmUpDirectory.organizationId());
            }
            directory = management.createOktaDirectory("Roster bench " + startedAt);
        } catch (IOException e) {
            log.println("roster-bench: cannot create the benchmark directories at " + options.serverUrl() + ": "
                    + Exchange.describe(e));
            return 1;
        }
        log.printf("created directory %s in %s, SCIM base %s%n", directory.id(), directory.organizationId(),
                directory.scimBaseUrl());

        try (ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(),
                Thread.ofPlatform().name("bench-worker-", 1).daemon().factory())) {
            ClosedLoopPhase phase = new ClosedLoopPhase(workers, options.concurrency(), log);
            return switch (options.scenario()) {
                case USERS -> runUsers(phase, startedAt, warmUpDirectory, directory);
                case GROUPS -> runGroups(phase, startedAt, warmUpDirectory, directory);
                case WEBHOOKS -> runWebhooks(phase, startedAt, warmUpDirectory, directory, webhooks);
            };
        }
    }

    private int runUsers(ClosedLoopPhase phase, String startedAt, ScimDirectory warmUpDirectory,
            ScimDirectory directory) throws IOException, InterruptedException {
        WarmUpResult warmUp = warmUpDirectory == null ? WarmUpResult.NONE : warmUpUsers(phase, warmUpDirectory);
        ScimClient scim = new ScimClient(http, directory);
        DirectoryLoad load = new DirectoryLoad(phase, scim, users, log, "", options.users());
        List<PhaseResult> phases = load.run(options.lookups(), options.updates());
        List<ListingResult> listings = new ArrayList<>();
        if (load.created() > 0 && !options.skipListing()) {
            ListingWalk walk = new ListingWalk(scim, log, "");
            listings.add(walk.byStartIndex(load.created()));
            listings.add(walk.byCursor(load.created()));
        }

        BenchmarkReport report = new BenchmarkReport(options.label(), startedAt, options.serverUrl().toString(),
                options.serverStartupMillis(), directory.id(),
                new BenchmarkReport.Settings(options.users(), options.concurrency(), options.lookups(),
                        options.updates(), JsonHttp.REQUEST_TIMEOUT.toSeconds()),
                BenchmarkReport.Machine.current(), warmUp, phases, listings);
        ReportTable.print(report, System.out);
        write(report);

        boolean failed = warmUp.errors() > 0
                || phases.stream().anyMatch(p -> p.errors() > 0)
                || listings.stream().anyMatch(l -> l.error() != null)
                || phases.size() < 4;
        return failed ? 1 : 0;
    }

    private int runGroups(ClosedLoopPhase phase, String startedAt, ScimDirectory warmUpDirectory,
            ScimDirectory directory) throws IOException, InterruptedException {
        WarmUpResult warmUp = warmUpDirectory == null ? WarmUpResult.NONE : warmUpGroups(phase, warmUpDirectory);
        GroupLoad.Outcome outcome = new GroupLoad(phase, new ScimClient(http, directory), users, groups, log, "")
                .run(options.members(), options.batchSize());

        GroupBenchmarkReport report = new GroupBenchmarkReport(options.scenario().cliName(), options.label(),
                startedAt, options.serverUrl().toString(), options.serverStartupMillis(), directory.id(),
                new GroupBenchmarkReport.Settings(options.members(), options.batchSize(), options.concurrency(),
                        GroupGrowth.CHECKPOINT, GroupGrowth.WINDOW, GroupReads.MEASURED, GroupReads.UNMEASURED,
                        JsonHttp.REQUEST_TIMEOUT.toSeconds()),
                BenchmarkReport.Machine.current(), warmUp, outcome.create(), outcome.growths());
        GroupReportTable.print(report, System.out);
        write(report);
        return warmUp.errors() > 0 || outcome.errors() > 0 || outcome.growths().isEmpty() ? 1 : 0;
    }

    private int runWebhooks(ClosedLoopPhase phase, String startedAt, ScimDirectory warmUpDirectory,
            ScimDirectory directory, WebhookTarget webhooks) throws IOException, InterruptedException {
        OpenLoopPhase openLoop = new OpenLoopPhase(log);
        WebhookReceiver receiver = webhooks.receiver();
        WarmUpResult warmUp = warmUpDirectory == null ? WarmUpResult.NONE
                : warmUpWebhooks(phase, openLoop, receiver, warmUpDirectory);
        WebhookLoad load = new WebhookLoad(phase, openLoop, new ScimClient(http, directory), users, receiver, log, "");
        BurstResult burst = load.burst(options.burst());
        RateResult atRate = burst.writes().requests() > burst.writes().errors()
                ? load.atRate(options.writeRate(), Duration.ofSeconds(options.durationSeconds()), options.burst())
                : null;
        // the rate phase numbers its creates, one per two writes, from the burst's end; the backlog's come after
        BacklogResult backlog = atRate != null && options.backlog() > 0
                ? load.backlog(options.backlog(), options.burst() + options.writeRate() * options.durationSeconds())
                : null;

        WebhookBenchmarkReport report = new WebhookBenchmarkReport(options.scenario().cliName(), options.label(),
                startedAt, options.serverUrl().toString(), options.serverStartupMillis(), directory.id(),
                webhooks.endpointId(),
                new WebhookBenchmarkReport.Settings(options.burst(), options.concurrency(), options.writeRate(),
                        options.durationSeconds(), options.backlog(), WebhookLoad.GRACE.toSeconds(),
                        WebhookLoad.SETTLE.toSeconds(), JsonHttp.REQUEST_TIMEOUT.toSeconds()),
                BenchmarkReport.Machine.current(), warmUp, burst, atRate, backlog,
                new WebhookBenchmarkReport.Receiver(receiver.requests(), receiver.duplicates(), receiver.rejected(),
                        receiver.firstRejection()));
        WebhookReportTable.print(report, System.out);
        write(report);
        boolean failed = warmUp.errors() > 0 || burst.writes().errors() > 0 || burst.lost() > 0 || atRate == null
                || atRate.writes().errors() > 0 || atRate.lost() > 0 || receiver.rejected() > 0
                || backlog != null && (backlog.writes().errors() > 0 || backlog.lost() > 0);
        return failed ? 1 : 0;
    }

    private void write(Object report) throws IOException {
        if (options.output().getParent() != null) {
            Files.createDirectories(options.output().getParent());
        }
        http.mapper().writerWithDefaultPrettyPrinter().writeValue(options.output().toFile(), report);
        System.out.println("results written to " + options.output());
    }

    /**
     * Sends the measured run's requests, as many of each kind, and both listings to a directory of their own, so
     * the server has compiled its hot paths and opened its connections before anything is measured.
     */
    private WarmUpResult warmUpUsers(ClosedLoopPhase phase, ScimDirectory directory) throws InterruptedException {
        int requests = options.warmupRequests();
        log.printf("warm-up: %,d requests of each kind, not measured%n", requests);
        long start = System.nanoTime();
        ScimClient scim = new ScimClient(http, directory);
        DirectoryLoad load = new DirectoryLoad(phase, scim, users, log, "warm-up ", requests);
        long errors = load.run(requests, requests).stream().mapToLong(PhaseResult::errors).sum();
        if (load.created() > 0) {
            ListingWalk walk = new ListingWalk(scim, log, "warm-up ");
            errors += Stream.of(walk.byStartIndex(load.created()), walk.byCursor(load.created()))
                    .filter(listing -> listing.error() != null)
                    .count();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.printf("warm-up: done in %.1f s, %,d errors%n", seconds, errors);
        return new WarmUpResult(requests, directory.id(), seconds, errors);
    }

    /**
     * Runs the webhooks scenario's phases on a directory of their own, {@code --warmup-requests} creates and
     * {@link #WEBHOOK_WARM_UP} at the write rate, so the server has compiled its write and delivery paths first.
     */
    private WarmUpResult warmUpWebhooks(ClosedLoopPhase phase, OpenLoopPhase openLoop, WebhookReceiver receiver,
            ScimDirectory directory) throws InterruptedException {
        int creates = options.warmupRequests();
        log.printf("warm-up: %,d creates, then %d s at %,d writes/s, and their deliveries, not measured%n", creates,
                WEBHOOK_WARM_UP.toSeconds(), options.writeRate());
        long start = System.nanoTime();
        WebhookLoad load = new WebhookLoad(phase, openLoop, new ScimClient(http, directory), users, receiver, log,
                "warm-up ");
        BurstResult burst = load.burst(creates);
        long errors = burst.writes().errors() + burst.lost();
        if (burst.writes().requests() > burst.writes().errors()) {
            RateResult atRate = load.atRate(options.writeRate(), WEBHOOK_WARM_UP, creates);
            errors += atRate.writes().errors() + atRate.lost();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log.printf("warm-up: done in %.1f s, %,d errors or lost events%n", seconds, errors);
        return new WarmUpResult(creates, directory.id(), seconds, errors);
    }

    /**
     * Runs the groups scenario with {@code --warmup-requests} users in a directory of its own: both growths and
     * all their reads, so every request kind is compiled and the connections are open before anything is measured.
     */
    private WarmUpResult warmUpGroups(ClosedLoopPhase phase, ScimDirectory directory) throws InterruptedException {
        int members = options.warmupRequests();
        log.printf("warm-up: %,d users added to a group of each kind, not measured%n", members);
        long start = System.nanoTime();
        GroupLoad.Outcome outcome = new GroupLoad(phase, new ScimClient(http, directory), users, groups, log,
                "warm-up ").run(members, options.batchSize());
        long errors = outcome.errors();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.printf("warm-up: done in %.1f s, %,d errors%n", seconds, errors);
        return new WarmUpResult(members, directory.id(), seconds, errors);
    }
}
