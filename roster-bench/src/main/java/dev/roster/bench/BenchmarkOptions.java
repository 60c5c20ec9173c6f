package dev.roster.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link ScimLoadBenchmark}; {@link #USAGE} documents each one. */
record BenchmarkOptions(
        URI serverUrl,
        String adminKey,
        Scenario scenario,
        int users,
        int warmupRequests,
        int concurrency,
        int lookups,
        int updates,
        boolean skipListing,
        int members,
        int batchSize,
        int burst,
        int writeRate,
        int durationSeconds,
        int backlog,
        Path output,
        String label,
        Long serverStartupMillis) {

    /** What the benchmark measures; each has options of its own, and passing another's is a usage error. */
    enum Scenario {
        /** User provisioning: creates, lookups, PUTs, PATCHes and full listings. */
        USERS,
        /** Group membership: one group grown one PATCH at a time, another in batches, read as they grow. */
        GROUPS,
        /**
         * Webhook delivery: events delivered per second after a burst, write-to-receipt latency at a rate, and
         * events delivered per second while a backlog drains with no writes running.
         */
        WEBHOOKS;

        /** The name {@code --scenario} takes. */
        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String ADMIN_KEY_VARIABLE = "ROSTER_ADMIN_API_KEY";

    private static final List<String> USERS_OPTIONS = List.of("--users", "--lookups", "--updates", "--skip-listing");
    private static final List<String> GROUPS_OPTIONS = List.of("--members", "--batch-size");
    private static final List<String> WEBHOOKS_OPTIONS = List.of("--burst", "--write-rate", "--duration",
            "--backlog");

    static final String USAGE = """
            Usage: ./dev bench [options]
              Drives a running Roster over HTTP: creates its own organization and Okta directory,
              then measures one scenario there. An unmeasured warm-up sends the same requests to a
              separate directory first.
                users   SCIM user creation, userName lookups, PUT and PATCH, and full listings
                groups  a group grown one member per PATCH and another in batches, with its GETs
                        timed at 0, 10,000 and all members
                webhooks  events delivered per second to a receiver in this process after a burst
                        of creates, then write-to-receipt latency under writes at a fixed rate,
                        then events delivered per second while a backlog drains

              --scenario NAME        users, groups or webhooks (default users)
              --url URL              server base URL (default http://127.0.0.1:8080)
              --admin-key KEY        operator API key (default: $ROSTER_ADMIN_API_KEY)
              --warmup-requests N    users: unmeasured creates, and as many lookups, PUTs and PATCHes;
                                     groups: unmeasured users created and added to a group of each
                                     kind; webhooks: unmeasured creates and their deliveries; all in a
                                     separate directory before measuring; 0 turns the warm-up off
                                     (default 30000)
              --concurrency N        closed-loop workers sharing one HTTP client (default 16)
              --output FILE          JSON result file (default bench-results/bench-<timestamp>.json)
              --label TEXT           free text stored with the results, e.g. "postgres, laptop"
              --server-startup-ms N  server launch-to-healthy time, recorded by bench/run.sh
              --help                 print this text

            users scenario:
              --users N              users to create in the measured directory (default 100000)
              --lookups N            measured userName eq lookups of random users (default 100000)
              --updates N            measured PUT requests, and as many PATCH requests (default 20000)
              --skip-listing         skip the startIndex and cursor listings of every user

            groups scenario:
              --members N            users to create, and to add to each group (default 100000)
              --batch-size N         members per PATCH when growing the second group (default 100)

            webhooks scenario:
              --burst N              creates sent as fast as --concurrency allows, whose deliveries
                                     are timed (default 20000)
              --write-rate N         creates and PATCHes per second, sent on schedule (default 1000)
              --duration SECONDS     how long writes are sent at --write-rate (default 60)
              --backlog N            creates sent while the receiver holds its answers, so their
                                     deliveries queue up, before it lets them drain; 0 skips this
                                     phase (default 20000)
            """;

    /** Thrown for a malformed command line; its message says which option is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static BenchmarkOptions parse(String[] args, Map<String, String> environment) throws UsageException {
        URI serverUrl = URI.create("http://127.0.0.1:8080");
        String adminKey = environment.get(ADMIN_KEY_VARIABLE);
        Scenario scenario = Scenario.USERS;
        int users = 100_000;
        int warmupRequests = 30_000;
        int concurrency = 16;
        int lookups = 100_000;
        int updates = 20_000;
        boolean skipListing = false;
        int members = 100_000;
        int batchSize = 100;
        int burst = 20_000;
        int writeRate = 1_000;
        int durationSeconds = 60;
        int backlog = 20_000;
        Path output = Path.of("bench-results", "bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        String label = "";
        Long serverStartupMillis = null;
        Set<String> given = new LinkedHashSet<>();

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            given.add(option);
            switch (option) {
                case "--skip-listing" -> skipListing = true;
                case "--scenario" -> scenario = parseScenario(value(args, ++i, option));
                case "--url" -> serverUrl = parseUrl(value(args, ++i, option));
                case "--admin-key" -> adminKey = value(args, ++i, option);
                case "--users" -> users = positive(value(args, ++i, option), option);
                case "--warmup-requests" -> warmupRequests = atLeast(0, value(args, ++i, option), option);
                case "--concurrency" -> concurrency = positive(value(args, ++i, option), option);
                case "--lookups" -> lookups = positive(value(args, ++i, option), option);
                case "--updates" -> updates = positive(value(args, ++i, option), option);
                case "--members" -> members = positive(value(args, ++i, option), option);
                case "--batch-size" -> batchSize = positive(value(args, ++i, option), option);
                case "--burst" -> burst = positive(value(args, ++i, option), option);
                case "--write-rate" -> writeRate = positive(value(args, ++i, option), option);
                case "--duration" -> durationSeconds = positive(value(args, ++i, option), option);
                case "--backlog" -> backlog = atLeast(0, value(args, ++i, option), option);
                case "--output" -> output = Path.of(value(args, ++i, option));
                case "--label" -> label = value(args, ++i, option);
                case "--server-startup-ms" -> serverStartupMillis = (long) positive(value(args, ++i, option), option);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new UsageException("no operator key: pass --admin-key or set " + ADMIN_KEY_VARIABLE);
        }
        // A run that silently ignored, say, --users 100000 under --scenario groups would measure the wrong size.
        List<String> own = switch (scenario) {
            case USERS -> USERS_OPTIONS;
            case GROUPS -> GROUPS_OPTIONS;
            case WEBHOOKS -> WEBHOOKS_OPTIONS;
        };
        for (String option : given) {
            boolean scenarioOption = USERS_OPTIONS.contains(option) || GROUPS_OPTIONS.contains(option)
                    || WEBHOOKS_OPTIONS.contains(option);
            if (scenarioOption && !own.contains(option)) {
                throw new UsageException(option + " does not apply to --scenario " + scenario.cliName());
            }
        }
        return new BenchmarkOptions(serverUrl, adminKey, scenario, users, warmupRequests, concurrency, lookups,
                updates, skipListing, members, batchSize, burst, writeRate, durationSeconds, backlog, output, label,
                serverStartupMillis);
    }

    private static Scenario parseScenario(String text) throws UsageException {
        for (Scenario scenario : Scenario.values()) {
            if (scenario.cliName().equals(text)) {
                return scenario;
            }
        }
        throw new UsageException("--scenario needs users, groups or webhooks, got '" + text + "'");
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(String text, String option) throws UsageException {
        return atLeast(1, text, option);
    }

    private static int atLeast(int least, String text, String option) throws UsageException {
        try {
            int number = Integer.parseInt(text.replace("_", ""));
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, together with the out-of-range case
        }
        throw new UsageException(option + " needs a whole number of at least " + least + ", got '" + text + "'");
    }

    private static URI parseUrl(String text) throws UsageException {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, together with the wrong-scheme case
        }
        throw new UsageException("--url needs an http:// or https:// URL, got '" + text + "'");
    }
}
