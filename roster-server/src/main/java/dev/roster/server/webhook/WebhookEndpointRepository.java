package dev.roster.server.webhook;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.roster.server.event.EventType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
class WebhookEndpointRepository {

    static final Table<Record> ENDPOINTS = table(name("webhook_endpoints"));
    static final Field<String> ID = field(name("webhook_endpoints", "id"), String.class);
    static final Field<String> URL = field(name("webhook_endpoints", "url"), String.class);
    static final Field<String> SECRET_ENCRYPTED = field(name("webhook_endpoints", "secret_encrypted"), String.class);
    static final Field<Boolean> ENABLED = field(name("webhook_endpoints", "enabled"), Boolean.class);
    private static final Field<String> ORGANIZATION_ID =
            field(name("webhook_endpoints", "organization_id"), String.class);
    private static final Field<String> EVENT_TYPES = field(name("webhook_endpoints", "event_types"), String.class);
    private static final Field<OffsetDateTime> DISABLED_AT =
            field(name("webhook_endpoints", "disabled_at"), OffsetDateTime.class);
    private static final Field<String> DISABLED_REASON =
            field(name("webhook_endpoints", "disabled_reason"), String.class);
    private static final Field<OffsetDateTime> FAILING_SINCE =
            field(name("webhook_endpoints", "failing_since"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CREATED_AT =
            field(name("webhook_endpoints", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT =
            field(name("webhook_endpoints", "updated_at"), OffsetDateTime.class);

    private final DSLContext db;

    WebhookEndpointRepository(DSLContext db) {
        this.db = db;
    }

    void insert(WebhookEndpoint endpoint, String secretEncrypted) {
        db.insertInto(ENDPOINTS)
                .columns(ID, URL, ORGANIZATION_ID, EVENT_TYPES, SECRET_ENCRYPTED, ENABLED, CREATED_AT, UPDATED_AT)
                .values(endpoint.id(), endpoint.url(), endpoint.organizationId(), wire(endpoint.eventTypes()),
                        secretEncrypted, endpoint.enabled(), endpoint.createdAt(), endpoint.updatedAt())
                .execute();
    }

    Optional<WebhookEndpoint> find(String id) {
        return db.select(fields()).from(ENDPOINTS).where(ID.eq(id))
                .fetchOptional(WebhookEndpointRepository::toEndpoint);
    }

    List<WebhookEndpoint> list(String afterId, int limit) {
        return db.select(fields()).from(ENDPOINTS).where(afterId == null ? ID.isNotNull() : ID.gt(afterId))
                .orderBy(ID).limit(limit).fetch(WebhookEndpointRepository::toEndpoint);
    }

    List<WebhookEndpoint> enabled() {
        return db.select(fields()).from(ENDPOINTS).where(ENABLED.isTrue()).fetch(WebhookEndpointRepository::toEndpoint);
    }

    /** Writes url, types and enabled; enabling again clears the disabling and the failure streak. */
    void update(WebhookEndpoint endpoint) {
        var update = db.update(ENDPOINTS).set(URL, endpoint.url()).set(EVENT_TYPES, wire(endpoint.eventTypes()))
                .set(ENABLED, endpoint.enabled()).set(UPDATED_AT, endpoint.updatedAt())
                .set(DISABLED_AT, endpoint.disabledAt()).set(DISABLED_REASON, endpoint.disabledReason());
        (endpoint.enabled() ? update.set(FAILING_SINCE, (OffsetDateTime) null) : update)
                .where(ID.eq(endpoint.id())).execute();
    }

    boolean delete(String id) {
        return db.deleteFrom(ENDPOINTS).where(ID.eq(id)).execute() == 1;
    }

    /** Records that an attempt to each endpoint succeeded: none of them is failing any more. */
    void succeeded(Collection<String> ids) {
        db.update(ENDPOINTS).set(FAILING_SINCE, (OffsetDateTime) null)
                .where(ID.in(ids)).and(FAILING_SINCE.isNotNull()).execute();
    }

    /**
     * Records a failed attempt; disables the endpoint if it has been failing since {@code disableBefore} or
     * earlier, and then answers true.
     */
    boolean failed(String id, OffsetDateTime now, OffsetDateTime disableBefore, String reason) {
        db.update(ENDPOINTS).set(FAILING_SINCE, now).where(ID.eq(id)).and(FAILING_SINCE.isNull()).execute();
        return db.update(ENDPOINTS).set(ENABLED, false).set(DISABLED_AT, now).set(DISABLED_REASON, reason)
                .set(UPDATED_AT, now)
                .where(ID.eq(id)).and(ENABLED.isTrue()).and(FAILING_SINCE.le(disableBefore))
                .execute() == 1;
    }

    private static List<Field<?>> fields() {
        return List.of(ID, URL, ORGANIZATION_ID, EVENT_TYPES, ENABLED, DISABLED_AT, DISABLED_REASON, CREATED_AT,
                UPDATED_AT);
    }

    private static String wire(Set<EventType> types) {
        return types.isEmpty() ? null : types.stream().map(EventType::wireName).collect(Collectors.joining(","));
    }

    private static WebhookEndpoint toEndpoint(Record r) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        String wire = r.get(EVENT_TYPES);
        if (wire != null) {
            Arrays.stream(wire.split(",")).map(name -> EventType.fromWireName(name).orElseThrow())
                    .forEach(types::add);
        }
        return new WebhookEndpoint(r.get(ID), r.get(URL), r.get(ORGANIZATION_ID), types, r.get(ENABLED),
                r.get(DISABLED_AT), r.get(DISABLED_REASON), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
