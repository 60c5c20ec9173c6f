package dev.roster.bench;

/**
 * The unmeasured warm-up in a directory of its own, before every measured phase.
 *
 * @param requestsPerKind users scenario: creates, and as many lookups, PUTs and PATCHes; groups scenario: users
 *     created and added to each group; 0 when the warm-up was turned off
 * @param directoryId the warm-up directory, or null when there was no warm-up
 * @param seconds the whole warm-up, listings or group reads included
 * @param errors failed requests, plus listings or group reads that failed or came out wrong
 */
record WarmUpResult(int requestsPerKind, String directoryId, double seconds, long errors) {

    static final WarmUpResult NONE = new WarmUpResult(0, null, 0, 0);
}
