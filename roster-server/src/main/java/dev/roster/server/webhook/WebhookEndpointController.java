package dev.roster.server.webhook;

import dev.roster.server.common.ApiException;
import dev.roster.server.common.ListingCursors;
import dev.roster.server.common.ManagementApi;
import dev.roster.server.common.Page;
import dev.roster.server.event.EventType;
import dev.roster.server.webhook.WebhookDeliveryRepository.Attempt;
import dev.roster.server.webhook.WebhookDeliveryRepository.Delivery;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management API for webhook endpoints, their deliveries and the attempts of each; docs/webhooks.md. */
@ManagementApi
@RestController
class WebhookEndpointController {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    private final WebhookEndpointService service;

    WebhookEndpointController(WebhookEndpointService service) {
        this.service = service;
    }

    record CreateEndpoint(String url, List<String> eventTypes, String organizationId) {
    }

    record UpdateEndpoint(String url, List<String> eventTypes, Boolean enabled) {
    }

    record Resend(String eventId) {
    }

    /** An endpoint as listed; {@code eventTypes} null means every type, {@code secret} is only in the creation. */
    record EndpointView(String id, String url, String organizationId, List<String> eventTypes, boolean enabled,
                        OffsetDateTime disabledAt, String disabledReason, OffsetDateTime createdAt,
                        OffsetDateTime updatedAt, String secret) {
    }

    record AttemptView(OffsetDateTime attemptedAt, Integer httpStatus, String error, long durationMs) {
    }

    record DeliveryView(String id, String eventId, String eventType, String status, int attemptCount,
                        OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime deliveredAt,
                        List<AttemptView> attempts) {
    }

    @PostMapping(ENDPOINTS)
    @ResponseStatus(HttpStatus.CREATED)
    EndpointView create(@RequestBody CreateEndpoint request) {
        WebhookEndpointService.CreatedEndpoint created =
                service.create(requireUrl(request.url()), eventTypes(request.eventTypes()), request.organizationId());
        return view(created.endpoint(), created.secret());
    }

    @GetMapping(ENDPOINTS)
    Page<EndpointView> list(@RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Page.size(limit);
        return Page.of(service.list(after, pageSize).stream().map(e -> view(e, null)).toList(), pageSize,
                EndpointView::id);
    }

    @GetMapping(ENDPOINTS + "/{id}")
    EndpointView get(@PathVariable String id) {
        return view(service.get(id), null);
    }

    @PatchMapping(ENDPOINTS + "/{id}")
    EndpointView update(@PathVariable String id, @RequestBody UpdateEndpoint request) {
        String url = request.url() == null ? null : requireUrl(request.url());
        Set<EventType> types = request.eventTypes() == null ? null : eventTypes(request.eventTypes());
        return view(service.update(id, url, types, request.enabled()), null);
    }

    @DeleteMapping(ENDPOINTS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id);
    }

    /** The endpoint's deliveries after the cursor {@code after}, oldest first, each with its attempts. */
    @GetMapping(ENDPOINTS + "/{id}/deliveries")
    Page<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Page.size(limit);
        List<Delivery> page = service.deliveries(id, ListingCursors.after(after), pageSize);
        Map<String, List<Attempt>> attempts = service.attempts(page);
        return ListingCursors.page(page, pageSize, Delivery::seq,
                d -> view(d, attempts.getOrDefault(d.id(), List.of())));
    }

    @PostMapping(ENDPOINTS + "/{id}/deliveries")
    @ResponseStatus(HttpStatus.CREATED)
    DeliveryView resend(@PathVariable String id, @RequestBody Resend request) {
        if (request.eventId() == null || request.eventId().isBlank()) {
            throw ApiException.badRequest("'eventId' is required: the id of the event to send again");
        }
        return view(service.resend(id, request.eventId()), List.of());
    }

    private static String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("'url' is required: the http or https URL that receives the events");
        }
        return url.strip();
    }

    private static Set<EventType> eventTypes(List<String> wireNames) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String wireName : wireNames == null ? List.<String>of() : wireNames) {
            types.add(EventType.fromWireName(wireName).orElseThrow(() -> ApiException.badRequest(
                    "'eventTypes' '" + wireName + "' is not an event type; expected one of "
                            + EventType.wireNames())));
        }
        return types;
    }

    private static EndpointView view(WebhookEndpoint e, String secret) {
        List<String> types = e.eventTypes().isEmpty() ? null
                : e.eventTypes().stream().map(EventType::wireName).toList();
        return new EndpointView(e.id(), e.url(), e.organizationId(), types, e.enabled(), e.disabledAt(),
                e.disabledReason(), e.createdAt(), e.updatedAt(), secret);
    }

    private static DeliveryView view(Delivery d, List<Attempt> attempts) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attemptCount(),
                d.status().equals(WebhookDeliveryRepository.PENDING) ? d.nextAttemptAt() : null, d.createdAt(),
                d.deliveredAt(), attempts.stream()
                        .map(a -> new AttemptView(a.attemptedAt(), a.httpStatus(), a.error(), a.durationMs()))
                        .toList());
    }
}
