package dev.roster.bench;

/**
 * Requests {@code from} (inclusive) to {@code to} (exclusive) of a growth that adds members in batches: request
 * {@code r} carries additions {@code r * batchSize} up to {@code (r + 1) * batchSize}, the last one what remains.
 */
record RequestRange(int from, int to) {

    /** The requests that carried any of the first {@code additions} of {@code members} additions. */
    static RequestRange carryingFirst(int additions, int members, int batchSize) {
        return new RequestRange(0, Math.ceilDiv(Math.min(additions, members), batchSize));
    }

    /** The requests that carried any of the last {@code additions} of {@code members} additions. */
    static RequestRange carryingLast(int additions, int members, int batchSize) {
        int firstAddition = members - Math.min(additions, members);
        return new RequestRange(firstAddition / batchSize, Math.ceilDiv(members, batchSize));
    }

    int requests() {
        return to - from;
    }
}
