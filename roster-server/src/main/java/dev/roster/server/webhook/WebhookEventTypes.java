package dev.roster.server.webhook;

import dev.roster.server.event.EventType;
import java.util.Arrays;
import java.util.Optional;

/** Event types by wire name, as endpoints name them. */
final class WebhookEventTypes {

    private WebhookEventTypes() {
    }

    static Optional<EventType> parse(String wireName) {
        return Arrays.stream(EventType.values()).filter(type -> type.wireName().equals(wireName)).findFirst();
    }

    static String all() {
        return String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }
}
