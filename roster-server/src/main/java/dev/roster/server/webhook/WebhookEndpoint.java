package dev.roster.server.webhook;

import dev.roster.server.event.EventType;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Where the application receives events: of {@code organizationId} (null: every organization) and of
 * {@code eventTypes} (empty: every type).
 */
record WebhookEndpoint(String id, String url, String organizationId, Set<EventType> eventTypes, boolean enabled,
                       OffsetDateTime disabledAt, String disabledReason, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    boolean wants(EventType type, String eventOrganizationId) {
        return (organizationId == null || organizationId.equals(eventOrganizationId))
                && (eventTypes.isEmpty() || eventTypes.contains(type));
    }
}
