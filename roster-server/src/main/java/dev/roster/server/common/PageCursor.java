package dev.roster.server.common;

import dev.roster.scim.ScimException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * RFC 9865 cursors of Users and Groups listings: the creation sequence number after which the next page
 * starts. Opaque to clients; they never expire because the position is a stable key, not server-side state.
 */
public final class PageCursor {

    private static final String VERSION_TAG = "u1:";

    /** One cursor page: its rows, and the cursor of the page after it, null on the last page. */
    public record Slice<T>(List<T> rows, String nextCursor) {

        /**
         * The page of {@code count} rows out of {@code fetched}, which holds up to one row more: that extra row
         * is how a page knows another follows.
         */
        public static <T> Slice<T> of(List<T> fetched, int count, ToLongFunction<T> seq) {
            boolean more = fetched.size() > count;
            List<T> rows = more ? fetched.subList(0, count) : fetched;
            return new Slice<>(rows, more && !rows.isEmpty() ? encode(seq.applyAsLong(rows.getLast())) : null);
        }
    }

    private PageCursor() {
    }

    public static String encode(long afterSeq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION_TAG + afterSeq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor stands for; the empty cursor is the start. */
    public static long decode(String cursor) {
        if (cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(VERSION_TAG)) {
                long seq = Long.parseLong(text.substring(VERSION_TAG.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new ScimException(400, "invalidCursor",
                "cursor '" + cursor + "' was not issued by this server; start again with cursor= (empty)");
    }
}
