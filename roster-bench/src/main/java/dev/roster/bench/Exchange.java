package dev.roster.bench;

/**
 * One HTTP request: its status, body and latency, and what was wrong with it, if anything.
 *
 * @param latencyNanos negative when no answer arrived
 * @param problem null when the exchange counts as a success
 */
record Exchange(int status, String body, long latencyNanos, String problem) {

    private static final int QUOTED_BODY_LIMIT = 300;

    static Exchange of(int status, String body, long latencyNanos) {
        boolean success = status >= 200 && status < 300;
        return new Exchange(status, body, latencyNanos, success ? null : "HTTP " + status + ": " + quote(body));
    }

    /** A request that got no answer: refused, reset, or nothing within the timeout. */
    static Exchange unanswered(Exception failure) {
        return new Exchange(0, "", -1, describe(failure));
    }

    /** The HTTP client often wraps the telling exception (say "Connection refused") in one without a message. */
    static String describe(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    boolean answered() {
        return latencyNanos >= 0;
    }

    boolean succeeded() {
        return problem == null;
    }

    /** The same exchange, counted as an error although the server answered 2xx. */
    Exchange rejectedBecause(String reason) {
        return new Exchange(status, body, latencyNanos, reason + " (HTTP " + status + ": " + quote(body) + ")");
    }

    private static String quote(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTED_BODY_LIMIT ? oneLine : oneLine.substring(0, QUOTED_BODY_LIMIT) + "…";
    }
}
