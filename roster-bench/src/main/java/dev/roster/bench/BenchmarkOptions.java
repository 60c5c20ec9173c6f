package dev.roster.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Command-line options of {@link ScimLoadBenchmark}; {@link #USAGE} documents each one. */
record BenchmarkOptions(
        URI serverUrl,
        String adminKey,
        int users,
        int warmupRequests,
        int concurrency,
        int lookups,
        int updates,
        boolean skipListing,
        Path output,
        String label,
        Long serverStartupMillis) {

    static final String ADMIN_KEY_VARIABLE = "ROSTER_ADMIN_API_KEY";

    static final String USAGE = """
            Usage: ./dev bench [options]
              Drives a running Roster over HTTP: creates its own organization and Okta directory,
              then measures SCIM user creation, userName lookups, PUT and PATCH, and full listings.
              An unmeasured warm-up sends the same requests to a separate directory first.

              --url URL              server base URL (default http://127.0.0.1:8080)
              --admin-key KEY        operator API key (default: $ROSTER_ADMIN_API_KEY)
              --users N              users to create in the measured directory (default 100000)
              --warmup-requests N    unmeasured creates, and as many lookups, PUTs and PATCHes, in a
                                     separate directory before measuring; 0 turns the warm-up off
                                     (default 30000)
              --concurrency N        closed-loop workers sharing one HTTP client (default 16)
              --lookups N            measured userName eq lookups of random users (default 20000)
              --updates N            measured PUT requests, and as many PATCH requests (default 20000)
              --skip-listing         skip the startIndex and cursor listings of every user
              --output FILE          JSON result file (default bench-results/bench-<timestamp>.json)
              --label TEXT           free text stored with the results, e.g. "postgres, laptop"
              --server-startup-ms N  server launch-to-healthy time, recorded by bench/run.sh
              --help                 print this text
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
        int users = 100_000;
        int warmupRequests = 30_000;
        int concurrency = 16;
        int lookups = 20_000;
        int updates = 20_000;
        boolean skipListing = false;
        Path output = Path.of("bench-results", "bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        String label = "";
        Long serverStartupMillis = null;

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--skip-listing" -> skipListing = true;
                case "--url" -> serverUrl = parseUrl(value(args, ++i, option));
                case "--admin-key" -> adminKey = value(args, ++i, option);
                case "--users" -> users = positive(value(args, ++i, option), option);
                case "--warmup-requests" -> warmupRequests = atLeast(0, value(args, ++i, option), option);
                case "--concurrency" -> concurrency = positive(value(args, ++i, option), option);
                case "--lookups" -> lookups = positive(value(args, ++i, option), option);
                case "--updates" -> updates = positive(value(args, ++i, option), option);
                case "--output" -> output = Path.of(value(args, ++i, option));
                case "--label" -> label = value(args, ++i, option);
                case "--server-startup-ms" -> serverStartupMillis = (long) positive(value(args, ++i, option), option);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new UsageException("no operator key: pass --admin-key or set " + ADMIN_KEY_VARIABLE);
        }
        return new BenchmarkOptions(serverUrl, adminKey, users, warmupRequests, concurrency, lookups, updates,
                skipListing, output, label, serverStartupMillis);
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
