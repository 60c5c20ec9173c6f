package dev.roster.server.webhook;

import dev.roster.server.event.EventSequencer;
import dev.roster.server.event.EventType;
import dev.roster.server.webhook.WebhookDeliveryRepository.LoggedEvent;
import dev.roster.server.webhook.WebhookDeliveryRepository.NewDelivery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns positioned events into deliveries, one per enabled endpoint that wants the event. A batch runs in a
 * transaction that first locks the single {@code webhook_fan_out} row, so one instance fans out at a time and every
 * event is fanned out exactly once, in position order.
 */
@Component
class WebhookFanOut {

    static final int BATCH_SIZE = 500;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final EventSequencer sequencer;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    WebhookFanOut(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                  EventSequencer sequencer, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sequencer = sequencer;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** Fans out every positioned event not fanned out yet; the number of deliveries queued. */
    int fanOutAll() {
        int queued = 0;
        Batch batch;
        do {
            batch = transactions.execute(status -> fanOutBatch());
            queued += batch.deliveries();
        } while (batch.events() == BATCH_SIZE);
        return queued;
    }

    private record Batch(int events, int deliveries) {
    }

    private Batch fanOutBatch() {
        return deliveries.lockFanOut().map(lastPosition -> {
            List<WebhookEndpoint> enabled = endpoints.enabled();
            if (enabled.isEmpty()) {
                // nothing to queue: move past every positioned event without reading one
                deliveries.fannedOutTo(Math.max(lastPosition, sequencer.lastPosition()));
                return new Batch(0, 0);
            }
            List<LoggedEvent> events = deliveries.eventsAfter(lastPosition, BATCH_SIZE);
            if (events.isEmpty()) {
                return new Batch(0, 0);
            }
            List<NewDelivery> queued = new ArrayList<>();
            for (LoggedEvent event : events) {
                var type = EventType.fromWireName(event.type()).orElseThrow();
                for (WebhookEndpoint endpoint : enabled) {
                    if (endpoint.wants(type, event.organizationId())) {
                        queued.add(new NewDelivery(endpoint.id(), event.id(), resourceKey(event)));
                    }
                }
            }
            deliveries.insert(queued, OffsetDateTime.now(clock));
            deliveries.fannedOutTo(events.getLast().position());
            return new Batch(events.size(), queued.size());
        }).orElse(new Batch(0, 0));
    }

    /** What an event is about: deliveries about the same resource reach an endpoint one at a time, in order. */
    String resourceKey(LoggedEvent event) {
        String resourceId = json.readTree(event.payload()).path("data").path("id").asString("");
        return event.organizationId() + "/" + (event.directoryId() == null ? "" : event.directoryId()) + "/"
                + resourceId;
    }
}
