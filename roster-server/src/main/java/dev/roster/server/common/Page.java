package dev.roster.server.common;

import java.util.List;
import java.util.function.Function;

/** One page of a management API listing; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> data, String nextCursor) {

    private static final int MAX_LIMIT = 1000;

    /** The page size to fetch for a requested {@code limit}: between 1 and 1,000. */
    public static int size(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }

    /** A page of keyset-ordered items; a full page carries its last item's key as the next cursor. */
    public static <T> Page<T> of(List<T> items, int pageSize, Function<T, String> key) {
        return new Page<>(items, items.size() == pageSize ? key.apply(items.getLast()) : null);
    }
}
