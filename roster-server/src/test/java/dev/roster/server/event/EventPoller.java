package dev.roster.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.common.ListingCursors;
import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** An application polling {@code GET /api/v1/events}: it keeps the cursor each response returns and resumes from it. */
final class EventPoller {

    private final JsonClient operator;
    private final String filters;
    private String cursor;

    /** A poller from {@code cursor} (null: the first event) with query {@code filters} such as {@code &type=…}. */
    EventPoller(JsonClient operator, String cursor, String filters) {
        this.operator = operator;
        this.cursor = cursor;
        this.filters = filters;
    }

    /** A poller of one organization's events from the first. */
    static EventPoller ofOrganization(JsonClient operator, String organizationId) {
        return new EventPoller(operator, null, "&organizationId=" + organizationId);
    }

    /** A poller that starts after every event committed so far. */
    static EventPoller fromNow(JsonClient operator) {
        EventPoller poller = new EventPoller(operator, null, "");
        List<JsonNode> page;
        do {
            page = poller.poll(1000);
        } while (!page.isEmpty());
        return poller;
    }

    String cursor() {
        return cursor;
    }

    /** One request: the events after the cursor, which then moves on to the response's nextCursor. */
    List<JsonNode> poll(int limit) {
        HttpResponse page = operator.get("/api/v1/events?limit=" + limit + filters
                + (cursor == null ? "" : "&after=" + cursor));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body().get("nextCursor").isString()).as(page.toString()).isTrue();
        String next = page.body().get("nextCursor").asString();
        List<JsonNode> events = new ArrayList<>();
        page.body().get("data").forEach(events::add);
        long from = cursor == null ? 0 : ListingCursors.after(cursor);
        if (events.isEmpty()) {
            assertThat(ListingCursors.after(next)).as("cursor after an empty page").isGreaterThanOrEqualTo(from);
        } else {
            assertThat(ListingCursors.after(next)).as("cursor after a page of events").isGreaterThan(from);
        }
        cursor = next;
        return events;
    }

    /** Polls until {@code count} events that match {@code wanted} arrived, returning every event polled. */
    List<JsonNode> awaitMatching(int count, Predicate<JsonNode> wanted) {
        List<JsonNode> polled = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (polled.stream().filter(wanted).count() < count) {
            assertThat(Instant.now()).as("%d events by now; got %s", count, polled).isBefore(deadline);
            List<JsonNode> page = poll(100);
            polled.addAll(page);
            if (page.isEmpty()) {
                pause();
            }
        }
        return polled;
    }

    /** Polls until {@code count} events arrived. */
    List<JsonNode> await(int count) {
        return awaitMatching(count, event -> true);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
