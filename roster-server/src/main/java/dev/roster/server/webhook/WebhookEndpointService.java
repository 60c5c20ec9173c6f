package dev.roster.server.webhook;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.Ids;
import dev.roster.server.event.EventType;
import dev.roster.server.organization.OrganizationRepository;
import dev.roster.server.webhook.WebhookDeliveryRepository.Attempt;
import dev.roster.server.webhook.WebhookDeliveryRepository.Delivery;
import dev.roster.server.webhook.WebhookDeliveryRepository.LoggedEvent;
import dev.roster.server.webhook.WebhookDeliveryRepository.NewDelivery;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Registers webhook endpoints, lists their deliveries and queues deliveries by hand. */
@Service
class WebhookEndpointService {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final OrganizationRepository organizations;
    private final WebhookUrlPolicy urlPolicy;
    private final SecretKeyring keyring;
    private final WebhookFanOut fanOut;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhookEndpointService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                           OrganizationRepository organizations, WebhookUrlPolicy urlPolicy, SecretKeyring keyring,
                           WebhookFanOut fanOut, WebhookDispatcher dispatcher, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.organizations = organizations;
        this.urlPolicy = urlPolicy;
        this.keyring = keyring;
        this.fanOut = fanOut;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {
    }

    @Transactional
    CreatedEndpoint create(String url, Set<EventType> eventTypes, String organizationId) {
        checkUrl(url);
        if (organizationId != null && organizations.find(organizationId).isEmpty()) {
            throw ApiException.badRequest("'organizationId' '" + organizationId + "' is not an organization");
        }
        OffsetDateTime now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("whe"), url, organizationId, eventTypes, true,
                null, null, now, now);
        String secret = WebhookSignature.newSecret();
        endpoints.insert(endpoint, keyring.encrypt(secret, endpoint.id()));
        return new CreatedEndpoint(endpoint, secret);
    }

    WebhookEndpoint get(String id) {
        return endpoints.find(id).orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
    }

    List<WebhookEndpoint> list(String afterId, int limit) {
        return endpoints.list(afterId, limit);
    }

    /** Changes what is given (null: unchanged); enabling clears a disabling. */
    @Transactional
    WebhookEndpoint update(String id, String url, Set<EventType> eventTypes, Boolean enabled) {
        WebhookEndpoint current = get(id);
        if (url != null) {
            checkUrl(url);
        }
        boolean nowEnabled = enabled == null ? current.enabled() : enabled;
        boolean reenabled = nowEnabled && !current.enabled();
        boolean disabled = !nowEnabled && current.enabled();
        OffsetDateTime now = now();
        WebhookEndpoint updated = new WebhookEndpoint(id, url == null ? current.url() : url,
                current.organizationId(), eventTypes == null ? current.eventTypes() : eventTypes, nowEnabled,
                nowEnabled ? null : disabled ? now : current.disabledAt(),
                nowEnabled ? null : disabled ? "disabled through the management API" : current.disabledReason(),
                current.createdAt(), now);
        endpoints.update(updated);
        if (reenabled || disabled) {
            deliveries.setPaused(id, disabled);
        }
        if (reenabled) {
            nudgeSenderAfterCommit();
        }
        return updated;
    }

    @Transactional
    void delete(String id) {
        if (!endpoints.delete(id)) {
            throw ApiException.notFound("webhook endpoint", id);
        }
    }

    List<Delivery> deliveries(String endpointId, long afterSeq, int limit) {
        get(endpointId);
        return deliveries.list(endpointId, afterSeq, limit);
    }

    Map<String, List<Attempt>> attempts(List<Delivery> page) {
        return page.isEmpty() ? Map.of() : deliveries.attempts(page.stream().map(Delivery::id).toList());
    }

    /** Queues the event again for the endpoint, behind any delivery still pending about the same resource. */
    @Transactional
    Delivery resend(String endpointId, String eventId) {
        WebhookEndpoint endpoint = get(endpointId);
        LoggedEvent event = deliveries.event(eventId)
                .filter(e -> endpoint.organizationId() == null || endpoint.organizationId().equals(e.organizationId()))
                .orElseThrow(() -> ApiException.notFound("event", eventId));
        String id = deliveries.insert(List.of(new NewDelivery(endpointId, eventId, fanOut.resourceKey(event))), now())
                .getFirst();
        nudgeSenderAfterCommit();
        return deliveries.find(id).orElseThrow();
    }

    private void nudgeSenderAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.nudgeSender();
            }
        });
    }

    private void checkUrl(String url) {
        urlPolicy.refusal(url).ifPresent(refusal -> {
            throw ApiException.badRequest("'url' " + refusal);
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
