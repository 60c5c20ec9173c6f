package dev.roster.server.event;

import dev.roster.scim.ScimException;
import dev.roster.server.common.ApiException;
import dev.roster.server.common.PageCursor;

/**
 * The events API's cursor: the last position a reader has scanned, opaque to clients and encoded like every
 * other Roster cursor. It never expires, because a position is a stable key.
 */
final class EventCursor {

    private EventCursor() {
    }

    static String encode(long position) {
        return PageCursor.encode(position);
    }

    /** The position after which a reader continues: 0, the start, without a cursor. */
    static long decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return PageCursor.decode(cursor);
        } catch (ScimException e) {
            throw ApiException.badRequest("'after' is not a cursor this server issued; take 'nextCursor' from the "
                    + "previous response, or leave 'after' out to read from the first event");
        }
    }
}
