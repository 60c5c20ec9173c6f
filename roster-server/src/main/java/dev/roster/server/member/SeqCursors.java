package dev.roster.server.member;

import dev.roster.scim.ScimException;
import dev.roster.server.common.ApiException;
import dev.roster.server.common.Page;
import dev.roster.server.common.PageCursor;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The {@code after} cursors of management API listings in creation order: the seq of a page's last row. */
public final class SeqCursors {

    private SeqCursors() {
    }

    /** The seq a listing continues after: 0 without a cursor. */
    public static long afterSeq(String after) {
        if (after == null) {
            return 0;
        }
        try {
            return PageCursor.decode(after);
        } catch (ScimException e) {
            throw ApiException.badRequest("'after' is not a cursor this server issued; take 'nextCursor' from the "
                    + "previous page, or leave 'after' out to start again");
        }
    }

    /** The page of {@code rows}, fetched up to {@code pageSize}; a full page continues after its last row. */
    public static <R, T> Page<T> page(List<R> rows, int pageSize, ToLongFunction<R> seq, Function<R, T> view) {
        String next = rows.size() == pageSize ? PageCursor.encode(seq.applyAsLong(rows.getLast())) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
