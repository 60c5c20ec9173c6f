package dev.roster.bench;

/**
 * One sequential walk through every user, page after page.
 *
 * @param mode "startIndex" (RFC 7644 §3.4.2.4) or "cursor" (RFC 9865)
 * @param usersExpected users the benchmark created successfully
 * @param usersSeen resources returned over all pages; differs from usersExpected only on a server bug
 * @param lastToFirst last page time divided by first page time: near 1 when deep pages cost what shallow ones do
 * @param error why the walk stopped early or came out wrong, or null
 */
record ListingResult(
        String mode,
        int pageSize,
        int pages,
        long usersExpected,
        long usersSeen,
        double firstPageMs,
        double medianPageMs,
        double lastPageMs,
        double maxPageMs,
        double lastToFirst,
        double totalSeconds,
        String error) {}
