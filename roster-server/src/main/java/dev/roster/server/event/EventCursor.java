package dev.roster.server.event;

import dev.roster.server.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The events API's cursor: the last position a reader has scanned, opaque to clients. It never expires, because
 * a position is a stable key; a tag keeps other listings' cursors out.
 */
final class EventCursor {

    private static final String VERSION_TAG = "e1:";

    private EventCursor() {
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION_TAG + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position after which a reader continues: 0, the start, without a cursor. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(VERSION_TAG)) {
                long position = Long.parseLong(text.substring(VERSION_TAG.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not a cursor of ours: answered below
        }
        throw ApiException.badRequest("'after' is not a cursor this server issued; take 'nextCursor' from the "
                + "previous response, or leave 'after' out to read from the first event");
    }
}
