package dev.roster.server.common;

import dev.roster.scim.ScimException;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The {@code after} cursors of management API listings: the seq (or event position) of the last row a reader
 * has seen, encoded like every other Roster cursor.
 */
public final class ListingCursors {

    private ListingCursors() {
    }

    /** The seq a listing continues after: 0, the start, without a cursor. */
    public static long after(String after) {
        if (after == null) {
            return 0;
        }
        try {
            return PageCursor.decode(after);
        } catch (ScimException e) {
            throw ApiException.badRequest("'after' is not a cursor this server issued; take 'nextCursor' from the "
                    + "previous response, or leave 'after' out to start from the beginning");
        }
    }

    /** The page of {@code rows}, fetched up to {@code pageSize}; a full page continues after its last row. */
    public static <R, T> Page<T> page(List<R> rows, int pageSize, ToLongFunction<R> seq, Function<R, T> view) {
        String next = rows.size() == pageSize ? PageCursor.encode(seq.applyAsLong(rows.getLast())) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
