package dev.roster.bench;

/**
 * One kind of group read, sent one request at a time while the group holds {@code members} members.
 *
 * @param read the short name the table shows: "full", "no members" or "list by name"
 * @param request what was sent, e.g. {@code GET /Groups/{id}?excludedAttributes=members}
 * @param requests measured requests, each sent when the previous one was answered, after
 *     {@link GroupReads#UNMEASURED} unmeasured ones
 * @param latency of the answered measured requests; with so few, p99 is the maximum
 * @param responseBytes size of the last answer's body
 * @param errors requests that failed, unmeasured ones included, plus a last answer with the wrong content
 * @param firstError the first error, verbatim, or null
 */
record GroupReadTiming(
        int members,
        String read,
        String request,
        int requests,
        LatencySummary latency,
        long responseBytes,
        long errors,
        String firstError) {}
