package dev.roster.server.event;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.ListingCursors;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Management API for the event log: every change, in commit order, for pollers that resume from a cursor. */
@ManagementApi
@RestController
class EventController {

    private static final int MAX_LIMIT = 1000;

    private final EventFeed feed;

    EventController(EventFeed feed) {
        this.feed = feed;
    }

    /**
     * Events after the cursor {@code after} (from the first without one), oldest commit first. {@code type} may be
     * repeated or comma-separated.
     */
    @GetMapping("/api/v1/events")
    Page<JsonNode> list(@RequestParam(required = false) String after,
                        @RequestParam(defaultValue = "100") int limit,
                        @RequestParam(required = false) String organizationId,
                        @RequestParam(required = false) List<String> type) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return feed.read(new EventFeed.Query(ListingCursors.after(after), limit, organizationId, types(type)));
    }

    private static Set<EventType> types(List<String> wireNames) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String wireName : wireNames == null ? List.<String>of() : wireNames) {
            types.add(EventType.fromWireName(wireName.strip()).orElseThrow(() -> ApiException.badRequest(
                    "'type' '" + wireName + "' is not an event type; expected one of " + EventType.wireNames())));
        }
        return types;
    }
}
