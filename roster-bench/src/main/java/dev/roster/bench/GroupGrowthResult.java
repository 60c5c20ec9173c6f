package dev.roster.bench;

import java.util.List;

/**
 * One group grown from empty to {@code members} members by PATCHes of {@code batchSize} members each.
 *
 * @param requests PATCH requests sent, errors included
 * @param groupId null when the group could not be created
 * @param errors PATCHes that failed or were not answered 204 or 200, or 1 when the group could not be created;
 *     failed or wrong reads count in {@code reads}
 * @param seconds wall-clock time of the PATCHes only, without the reads between them
 * @param requestsPerSecond requests divided by seconds
 * @param membersPerSecond members sent divided by seconds
 * @param latency of every answered PATCH
 * @param first the PATCHes that carried the first {@link GroupGrowth#WINDOW} additions; when they are fewer than
 *     the requests in flight (batches of 100: 10 against 16) they were all sent at the start, into a lock queue
 *     still filling up, so they wait less than later PATCHes whatever the group's size
 * @param last the PATCHes that carried the last {@link GroupGrowth#WINDOW} additions
 * @param lastToFirstP50 last.p50 divided by first.p50: near 1 when a PATCH costs the same whatever the group's size
 * @param reads the group's reads when empty, at {@link GroupGrowth#CHECKPOINT} members and when full
 * @param firstErrors the first few errors, verbatim
 */
record GroupGrowthResult(
        String name,
        String groupId,
        int batchSize,
        int members,
        long requests,
        long errors,
        double seconds,
        double requestsPerSecond,
        double membersPerSecond,
        LatencySummary latency,
        Additions first,
        Additions last,
        double lastToFirstP50,
        List<GroupReadTiming> reads,
        List<String> firstErrors) {

    /** The PATCHes that carried {@code additions} consecutive member additions, and their latency. */
    record Additions(int additions, int requests, LatencySummary latency) {}
}
