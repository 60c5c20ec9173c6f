package dev.roster.server.event;

import dev.roster.server.common.Page;
import dev.roster.server.common.PageCursor;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the event log in commit order, a page at a time, for pollers that resume from a cursor. */
@Component
class EventFeed {

    /**
     * How many positions a filtered read scans at most. It stops there even with a short page, and its cursor
     * moves past the events that did not match, so a reader of a quiet organization never stalls and no request
     * walks the whole log. An unfiltered read scans just its page: positions have no gaps.
     */
    static final long SCAN_WINDOW = 10_000;

    private final EventRepository events;
    private final JsonMapper json;

    EventFeed(EventRepository events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Which events to read: after {@code after} (a position), of an organization and of types if given. */
    record Query(long after, int limit, String organizationId, Set<EventType> types) {
    }

    /** A page of events; its cursor is always set, and equals the one given when nothing new was committed. */
    Page<JsonNode> read(Query query) {
        // read first: every position up to it is committed, so the window below has no gaps still to fill
        long lastPosition = events.lastPosition();
        boolean filtered = query.organizationId() != null || !query.types().isEmpty();
        long upTo = Math.min(lastPosition, query.after() + (filtered ? SCAN_WINDOW : query.limit()));
        if (upTo <= query.after()) {
            return new Page<>(List.of(), PageCursor.encode(query.after()));
        }
        List<EventRepository.PositionedEvent> page =
                events.page(query.after(), upTo, query.organizationId(), query.types(), query.limit());
        long scannedTo = page.size() == query.limit() ? page.getLast().position() : upTo;
        return new Page<>(page.stream().map(event -> json.readTree(event.payload())).toList(),
                PageCursor.encode(scannedTo));
    }
}
