package dev.roster.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * Load benchmark for a running Roster: provisions its own organization and Okta directory over the management
 * API, then drives the directory's SCIM endpoints the way Okta does and reports throughput and latency per
 * phase. Run {@code ./dev bench --help} for the options; docs/benchmarks.md explains the figures.
 */
public final class ScimLoadBenchmark {

    /** Share of each phase sent first as an unmeasured warm-up. */
    private static final int WARM_UP_PERCENT = 2;

    private final BenchmarkOptions options;
    private final PrintStream log;
    private final JsonHttp http;
    private final OktaUsers users;

    private ScimLoadBenchmark(BenchmarkOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.http = new JsonHttp(options.concurrency());
        this.users = new OktaUsers(http.mapper());
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

    /** Returns the process exit status: 0 when every request succeeded, 1 when some failed. */
    private int run() throws IOException, InterruptedException {
        String startedAt = Instant.now().toString();
        ScimDirectory directory;
        try {
            directory = new ManagementClient(http, options.serverUrl(), options.adminKey())
                    .createOktaDirectory("Roster bench " + startedAt);
        } catch (IOException e) {
            log.println("roster-bench: cannot create the benchmark directory at " + options.serverUrl() + ": "
                    + Exchange.describe(e));
            return 1;
        }
        log.printf("created directory %s in %s, SCIM base %s%n", directory.id(), directory.organizationId(),
                directory.scimBaseUrl());
        ScimClient scim = new ScimClient(http, directory);

        List<PhaseResult> phases = new ArrayList<>();
        List<ListingResult> listings = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(),
                Thread.ofPlatform().name("bench-worker-", 1).daemon().factory())) {
            ClosedLoopPhase phase = new ClosedLoopPhase(workers, options.concurrency(), log);
            String[] ids = new String[options.users()];
            phases.add(createUsers(phase, scim, ids));
            int[] created = IntStream.range(0, ids.length).filter(i -> ids[i] != null).toArray();
            if (created.length == 0) {
                log.println("roster-bench: no user could be created, so the other phases cannot run");
            } else {
                phases.add(lookUpUsers(phase, scim, ids, created));
                phases.add(replaceUsers(phase, scim, ids, created));
                phases.add(patchUsers(phase, scim, ids, created));
                if (!options.skipListing()) {
                    ListingWalk walk = new ListingWalk(scim, log);
                    listings.add(walk.byStartIndex(created.length));
                    listings.add(walk.byCursor(created.length));
                }
            }
        }

        BenchmarkReport report = new BenchmarkReport(options.label(), startedAt, options.serverUrl().toString(),
                options.serverStartupMillis(), directory.id(),
                new BenchmarkReport.Settings(options.users(), options.concurrency(), options.lookups(),
                        options.updates(), JsonHttp.REQUEST_TIMEOUT.toSeconds()),
                BenchmarkReport.Machine.current(), phases, listings);
        ReportTable.print(report, System.out);
        if (options.output().getParent() != null) {
            Files.createDirectories(options.output().getParent());
        }
        http.mapper().writerWithDefaultPrettyPrinter().writeValue(options.output().toFile(), report);
        System.out.println("results written to " + options.output());

        boolean failed = phases.stream().anyMatch(p -> p.errors() > 0)
                || listings.stream().anyMatch(l -> l.error() != null)
                || phases.size() < 4;
        return failed ? 1 : 0;
    }

    /** The first {@value #WARM_UP_PERCENT}% of the users are created as the warm-up. */
    private PhaseResult createUsers(ClosedLoopPhase phase, ScimClient scim, String[] ids)
            throws InterruptedException {
        int warmUp = warmUpFor(ids.length);
        return phase.run("create", warmUp, ids.length - warmUp, index -> {
            ScimClient.Reply reply = scim.createUser(users.create(index));
            if (!reply.exchange().succeeded()) {
                return reply.exchange();
            }
            String id = reply.json().path("id").asString("");
            if (id.isEmpty()) {
                return reply.exchange().rejectedBecause("created user has no id");
            }
            ids[index] = id;
            return reply.exchange();
        });
    }

    /** {@code userName eq} of a random created user must find exactly that user. */
    private PhaseResult lookUpUsers(ClosedLoopPhase phase, ScimClient scim, String[] ids, int[] created)
            throws InterruptedException {
        return phase.run("lookup", warmUpFor(options.lookups()), options.lookups(), sequence -> {
            int index = pick(created);
            ScimClient.Reply reply = scim.findByUserName(OktaUsers.userName(index));
            if (!reply.exchange().succeeded()) {
                return reply.exchange();
            }
            JsonNode resources = reply.json().path("Resources");
            if (reply.json().path("totalResults").asLong(-1) != 1 || resources.size() != 1
                    || !ids[index].equals(resources.path(0).path("id").asString(""))) {
                return reply.exchange().rejectedBecause(
                        "expected exactly user " + ids[index] + " for " + OktaUsers.userName(index));
            }
            return reply.exchange();
        });
    }

    private PhaseResult replaceUsers(ClosedLoopPhase phase, ScimClient scim, String[] ids, int[] created)
            throws InterruptedException {
        return phase.run("put", warmUpFor(options.updates()), options.updates(), sequence -> {
            int index = pick(created);
            return scim.replaceUser(ids[index], users.replace(index, ids[index], sequence));
        });
    }

    /** Cycles through Okta's deactivate, its reactivate, and a name.givenName replace. */
    private PhaseResult patchUsers(ClosedLoopPhase phase, ScimClient scim, String[] ids, int[] created)
            throws InterruptedException {
        return phase.run("patch", warmUpFor(options.updates()), options.updates(), sequence -> {
            String id = ids[pick(created)];
            JsonNode patch = switch (sequence % 3) {
                case 0 -> users.setActive(false);
                case 1 -> users.setActive(true);
                default -> users.replaceGivenName("Renamed" + sequence);
            };
            return scim.patchUser(id, patch);
        });
    }

    private static int warmUpFor(int requests) {
        return requests * WARM_UP_PERCENT / 100;
    }

    private static int pick(int[] created) {
        return created[ThreadLocalRandom.current().nextInt(created.length)];
    }
}
