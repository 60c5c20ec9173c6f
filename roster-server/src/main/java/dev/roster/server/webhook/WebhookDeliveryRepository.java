package dev.roster.server.webhook;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;

import dev.roster.server.common.Ids;
import dev.roster.server.event.EventTable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/** The fan-out position, the delivery queue and its attempts; also reads the event log it delivers. */
@Component
class WebhookDeliveryRepository {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String PAUSED = "paused";

    private static final Table<Record> FAN_OUT = table(name("webhook_fan_out"));
    private static final Field<Integer> FAN_OUT_ID = field(name("id"), Integer.class);
    private static final Field<Long> LAST_POSITION = field(name("last_position"), Long.class);
    private static final int THE_FAN_OUT = 1;

    private static final List<Field<?>> EVENT_FIELDS = List.of(EventTable.ID, EventTable.POSITION, EventTable.TYPE,
            EventTable.ORGANIZATION_ID, EventTable.DIRECTORY_ID, EventTable.PAYLOAD);

    private static final Table<Record> DELIVERIES = table(name("webhook_deliveries"));
    private static final Field<String> ID = field(name("webhook_deliveries", "id"), String.class);
    private static final Field<Long> SEQ = field(name("webhook_deliveries", "seq"), Long.class);
    private static final Field<String> ENDPOINT_ID = field(name("webhook_deliveries", "endpoint_id"), String.class);
    private static final Field<String> DELIVERY_EVENT_ID = field(name("webhook_deliveries", "event_id"), String.class);
    private static final Field<String> RESOURCE_KEY = field(name("webhook_deliveries", "resource_key"), String.class);
    private static final Field<String> STATUS = field(name("webhook_deliveries", "status"), String.class);
    private static final Field<Integer> ATTEMPT_COUNT =
            field(name("webhook_deliveries", "attempt_count"), Integer.class);
    private static final Field<OffsetDateTime> NEXT_ATTEMPT_AT =
            field(name("webhook_deliveries", "next_attempt_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CREATED_AT =
            field(name("webhook_deliveries", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DELIVERED_AT =
            field(name("webhook_deliveries", "delivered_at"), OffsetDateTime.class);
    private static final Field<Long> CLAIM_TOKEN = field(name("webhook_deliveries", "claim_token"), Long.class);

    private static final Table<Record> EARLIER = table(name("webhook_deliveries")).as("earlier");
    private static final Field<Long> EARLIER_SEQ = field(name("earlier", "seq"), Long.class);
    private static final Field<String> EARLIER_ENDPOINT_ID = field(name("earlier", "endpoint_id"), String.class);
    private static final Field<String> EARLIER_RESOURCE_KEY = field(name("earlier", "resource_key"), String.class);
    private static final Field<String> EARLIER_STATUS = field(name("earlier", "status"), String.class);

    private static final Table<Record> ATTEMPTS = table(name("webhook_attempts"));
    private static final Field<Long> ATTEMPT_ID = field(name("id"), Long.class);
    private static final Field<String> ATTEMPT_DELIVERY_ID = field(name("delivery_id"), String.class);
    private static final Field<OffsetDateTime> ATTEMPTED_AT = field(name("attempted_at"), OffsetDateTime.class);
    private static final Field<Integer> HTTP_STATUS = field(name("http_status"), Integer.class);
    private static final Field<String> ERROR = field(name("error"), String.class);
    private static final Field<Long> DURATION_MS = field(name("duration_ms"), Long.class);

    private final DSLContext db;
    private final boolean postgres;

    WebhookDeliveryRepository(DSLContext db) {
        this.db = db;
        this.postgres = db.dialect().family() == SQLDialect.POSTGRES;
    }

    record LoggedEvent(String id, long position, String type, String organizationId, String directoryId,
                       String payload) {
    }

    /** Locks the fan-out row and returns the last position fanned out, or empty if another instance holds it. */
    Optional<Long> lockFanOut() {
        return db.select(LAST_POSITION).from(FAN_OUT).where(FAN_OUT_ID.eq(THE_FAN_OUT))
                .forUpdate().skipLocked()
                .fetchOptional(LAST_POSITION);
    }

    /**
     * For the rest of the transaction, on PostgreSQL: the fan-out's and the claim's reads stop at their limit only when
     * they read an index in its order. Without table statistics (a new table, or autovacuum off) the planner expects a
     * handful of rows and may read them all and sort them instead, costing as much as the log or the backlog is long;
     * and PostgreSQL keeps a prepared statement's plan once it has made a generic one, so a plan made while a table
     * was small would stay. Without sorting, the ordered index read is the only plan left; and each statement is
     * planned for its own values, because in the server a kept generic plan of the claim still took seconds once
     * the deliveries numbered tens of thousands, where psql planned it in milliseconds.
     */
    private void forbidSorting() {
        if (postgres) {
            db.fetch("select set_config('enable_sort', 'off', true), set_config('plan_cache_mode', "
                    + "'force_custom_plan', true)");
        }
    }

    void fannedOutTo(long position) {
        db.update(FAN_OUT).set(LAST_POSITION, position).where(FAN_OUT_ID.eq(THE_FAN_OUT)).execute();
    }

    /** Positioned events after {@code after}, in commit order: a whole sequencer batch is visible or none of it. */
    List<LoggedEvent> eventsAfter(long after, int limit) {
        forbidSorting();
        return db.select(EVENT_FIELDS).from(EventTable.EVENTS).where(EventTable.POSITION.gt(after))
                .orderBy(EventTable.POSITION).limit(limit).fetch(WebhookDeliveryRepository::toLoggedEvent);
    }

    Optional<LoggedEvent> event(String id) {
        return db.select(EVENT_FIELDS).from(EventTable.EVENTS).where(EventTable.ID.eq(id))
                .fetchOptional(WebhookDeliveryRepository::toLoggedEvent);
    }

    private static LoggedEvent toLoggedEvent(Record r) {
        Long position = r.get(EventTable.POSITION);
        return new LoggedEvent(r.get(EventTable.ID), position == null ? 0 : position, r.get(EventTable.TYPE),
                r.get(EventTable.ORGANIZATION_ID), r.get(EventTable.DIRECTORY_ID), r.get(EventTable.PAYLOAD));
    }

    record NewDelivery(String endpointId, String eventId, String resourceKey) {
    }

    /** Queues deliveries, in the given order, due at once; their ids in that order. */
    List<String> insert(List<NewDelivery> deliveries, OffsetDateTime now) {
        List<String> ids = deliveries.stream().map(d -> Ids.newTimeOrderedId("whd")).toList();
        var insert = db.insertInto(DELIVERIES).columns(ID, ENDPOINT_ID, DELIVERY_EVENT_ID, RESOURCE_KEY, STATUS,
                ATTEMPT_COUNT, NEXT_ATTEMPT_AT, CREATED_AT);
        for (int i = 0; i < deliveries.size(); i++) {
            NewDelivery d = deliveries.get(i);
            insert = insert.values(ids.get(i), d.endpointId(), d.eventId(), d.resourceKey(), PENDING, 0, now, now);
        }
        if (!deliveries.isEmpty()) {
            insert.execute();
        }
        return ids;
    }

    /** A claimed delivery with what sending it needs, and the token of the claim that took it. */
    record Claimed(String id, long claimToken, String endpointId, String url, String secretEncrypted, String eventId,
                   String payload, int attemptCount) {
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints until {@code leaseUntil}, stamping them with
     * {@code claimToken}: none held behind an earlier pending delivery of the same endpoint and resource, and none
     * another instance is claiming now.
     */
    List<Claimed> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit, long claimToken) {
        forbidSorting();
        List<String> ids = db.select(ID).from(DELIVERIES)
                .where(STATUS.eq(PENDING)).and(NEXT_ATTEMPT_AT.le(now))
                // offset 0 keeps PostgreSQL from turning the probe into a join, which could hash the whole table
                .andNotExists(selectOne().from(EARLIER)
                        .where(EARLIER_ENDPOINT_ID.eq(ENDPOINT_ID)).and(EARLIER_RESOURCE_KEY.eq(RESOURCE_KEY))
                        .and(EARLIER_STATUS.eq(PENDING)).and(EARLIER_SEQ.lt(SEQ))
                        .offset(0))
                .andExists(selectOne().from(WebhookEndpointRepository.ENDPOINTS)
                        .where(WebhookEndpointRepository.ID.eq(ENDPOINT_ID))
                        .and(WebhookEndpointRepository.ENABLED.isTrue()))
                .orderBy(STATUS, NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(ID);
        if (ids.isEmpty()) {
            return List.of();
        }
        db.update(DELIVERIES).set(NEXT_ATTEMPT_AT, leaseUntil).set(CLAIM_TOKEN, claimToken).where(ID.in(ids))
                .execute();
        // no ORDER BY: with sorting forbidden, it would walk an index over every delivery ever queued
        Map<String, Claimed> claimed = db.select(ID, ENDPOINT_ID, WebhookEndpointRepository.URL,
                        WebhookEndpointRepository.SECRET_ENCRYPTED, DELIVERY_EVENT_ID, EventTable.PAYLOAD,
                        ATTEMPT_COUNT)
                .from(DELIVERIES)
                .join(WebhookEndpointRepository.ENDPOINTS).on(WebhookEndpointRepository.ID.eq(ENDPOINT_ID))
                .join(EventTable.EVENTS).on(EventTable.ID.eq(DELIVERY_EVENT_ID))
                .where(ID.in(ids))
                .fetchMap(ID, r -> new Claimed(r.value1(), claimToken, r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7()));
        return ids.stream().map(claimed::get).filter(Objects::nonNull).toList();
    }

    /**
     * Locks the deliveries of {@code ids} that still exist (an endpoint's deletion takes its deliveries along) and
     * answers the token of the claim each one carries now; null for one no claim holds.
     */
    Map<String, Long> lockClaims(Collection<String> ids) {
        Map<String, Long> tokens = new HashMap<>();
        db.select(ID, CLAIM_TOKEN).from(DELIVERIES).where(ID.in(ids)).forUpdate()
                .forEach(r -> tokens.put(r.value1(), r.value2()));
        return tokens;
    }

    record Attempt(OffsetDateTime attemptedAt, Integer httpStatus, String error, long durationMs) {
    }

    record DeliveryAttempt(String deliveryId, Attempt attempt) {
    }

    /** Inserts every attempt in one statement. */
    void recordAttempts(List<DeliveryAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        var insert = db.insertInto(ATTEMPTS).columns(ATTEMPT_DELIVERY_ID, ATTEMPTED_AT, HTTP_STATUS, ERROR,
                DURATION_MS);
        for (DeliveryAttempt recorded : attempts) {
            Attempt attempt = recorded.attempt();
            insert = insert.values(recorded.deliveryId(), attempt.attemptedAt(), attempt.httpStatus(),
                    attempt.error(), attempt.durationMs());
        }
        insert.execute();
    }

    /** After a successful attempt of each, in one statement; their claims end. */
    void delivered(Collection<String> ids, OffsetDateTime at) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(DELIVERIES).set(STATUS, DELIVERED).set(ATTEMPT_COUNT, ATTEMPT_COUNT.plus(1)).set(DELIVERED_AT, at)
                .setNull(CLAIM_TOKEN)
                .where(ID.in(ids)).execute();
    }

    /** After a failed attempt: due again at {@code retryAt}, or failed for good when that is empty; the claim ends. */
    void failed(String id, int attemptCount, Optional<OffsetDateTime> retryAt) {
        var update = db.update(DELIVERIES).set(ATTEMPT_COUNT, attemptCount).setNull(CLAIM_TOKEN);
        (retryAt.isPresent() ? update.set(NEXT_ATTEMPT_AT, retryAt.get()) : update.set(STATUS, FAILED))
                .where(ID.eq(id)).execute();
    }

    /**
     * Pauses the pending deliveries of a disabled endpoint, or resumes its paused ones: paused deliveries stay out
     * of the claim's index range, so a disabled endpoint's backlog costs the claims of the others nothing. A
     * fan-out that read the endpoint as enabled just before may still queue pending ones; the claim skips those.
     */
    void setPaused(String endpointId, boolean paused) {
        db.update(DELIVERIES).set(STATUS, paused ? PAUSED : PENDING)
                .where(ENDPOINT_ID.eq(endpointId)).and(STATUS.eq(paused ? PENDING : PAUSED))
                .execute();
    }

    record Delivery(long seq, String id, String eventId, String eventType, String status, int attemptCount,
                    OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    /** The endpoint's deliveries after {@code afterSeq}, oldest first. */
    List<Delivery> list(String endpointId, long afterSeq, int limit) {
        return withEvents().where(ENDPOINT_ID.eq(endpointId)).and(SEQ.gt(afterSeq)).orderBy(SEQ).limit(limit)
                .fetch(WebhookDeliveryRepository::toDelivery);
    }

    Optional<Delivery> find(String id) {
        return withEvents().where(ID.eq(id)).fetchOptional(WebhookDeliveryRepository::toDelivery);
    }

    private SelectOnConditionStep<Record> withEvents() {
        return db.select(List.of(SEQ, ID, DELIVERY_EVENT_ID, EventTable.TYPE, STATUS, ATTEMPT_COUNT, NEXT_ATTEMPT_AT,
                        CREATED_AT, DELIVERED_AT))
                .from(DELIVERIES).join(EventTable.EVENTS).on(EventTable.ID.eq(DELIVERY_EVENT_ID));
    }

    private static Delivery toDelivery(Record r) {
        return new Delivery(r.get(SEQ), r.get(ID), r.get(DELIVERY_EVENT_ID), r.get(EventTable.TYPE), r.get(STATUS),
                r.get(ATTEMPT_COUNT), r.get(NEXT_ATTEMPT_AT), r.get(CREATED_AT), r.get(DELIVERED_AT));
    }

    /** The attempts of each delivery, oldest first. */
    Map<String, List<Attempt>> attempts(Collection<String> deliveryIds) {
        return db.select(ATTEMPT_DELIVERY_ID, ATTEMPTED_AT, HTTP_STATUS, ERROR, DURATION_MS).from(ATTEMPTS)
                .where(ATTEMPT_DELIVERY_ID.in(deliveryIds)).orderBy(ATTEMPT_DELIVERY_ID, ATTEMPT_ID)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(
                        r -> new Attempt(r.value2(), r.value3(), r.value4(), r.value5()), Collectors.toList())));
    }
}
