package dev.roster.server.event;

import static dev.roster.server.event.EventTable.DIRECTORY_ID;
import static dev.roster.server.event.EventTable.EVENTS;
import static dev.roster.server.event.EventTable.ID;
import static dev.roster.server.event.EventTable.OCCURRED_AT;
import static dev.roster.server.event.EventTable.ORGANIZATION_ID;
import static dev.roster.server.event.EventTable.PAYLOAD;
import static dev.roster.server.event.EventTable.POSITION;
import static dev.roster.server.event.EventTable.SEQ;
import static dev.roster.server.event.EventTable.TYPE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
class EventRepository {

    private static final Table<Record> SEQUENCER = table(name("event_sequencer"));
    private static final Field<Integer> SEQUENCER_ID = field(name("id"), Integer.class);
    private static final Field<Long> LAST_POSITION = field(name("last_position"), Long.class);
    private static final int THE_SEQUENCER = 1;

    private final DSLContext db;

    EventRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts the events in their order, in one statement. */
    void insert(List<PendingEvent> pending) {
        var insert = db.insertInto(EVENTS).columns(ID, TYPE, ORGANIZATION_ID, DIRECTORY_ID, OCCURRED_AT, PAYLOAD);
        for (PendingEvent event : pending) {
            insert = insert.values(event.id(), event.type().wireName(), event.organizationId(), event.directoryId(),
                    event.occurredAt(), event.payload());
        }
        insert.execute();
    }

    /** Locks the sequencer row and returns the last position given, or empty if another sequencer holds it. */
    Optional<Long> lockSequencer() {
        return db.select(LAST_POSITION).from(SEQUENCER).where(SEQUENCER_ID.eq(THE_SEQUENCER))
                .forUpdate().skipLocked()
                .fetchOptional(LAST_POSITION);
    }

    /** The highest position given so far: every position up to it is committed and visible. */
    long lastPosition() {
        return db.select(LAST_POSITION).from(SEQUENCER).where(SEQUENCER_ID.eq(THE_SEQUENCER))
                .fetchSingle(LAST_POSITION);
    }

    /**
     * The ids of committed events without a position, oldest insert first. Ordered by (position, seq) to match
     * the index exactly, so the probe needs no sort and no table statistics.
     */
    List<String> unpositioned(int limit) {
        return db.select(ID).from(EVENTS).where(POSITION.isNull()).orderBy(POSITION, SEQ).limit(limit).fetch(ID);
    }

    /** Numbers {@code ids} in their order from {@code lastPosition + 1}, and records the new last position. */
    void assignPositions(List<String> ids, long lastPosition) {
        // one statement bound once per event: the database parses and plans it once, not once per event
        BatchBindStep numbering = db.batch(db.update(EVENTS).set(POSITION, (Long) null).where(ID.eq((String) null)));
        for (int i = 0; i < ids.size(); i++) {
            numbering = numbering.bind(lastPosition + 1 + i, ids.get(i));
        }
        numbering.execute();
        db.update(SEQUENCER).set(LAST_POSITION, lastPosition + ids.size()).where(SEQUENCER_ID.eq(THE_SEQUENCER))
                .execute();
    }

    record PositionedEvent(long position, String payload) {
    }

    /** Events positioned after {@code after} and up to {@code upTo}, matching the filters (empty: any). */
    List<PositionedEvent> page(long after, long upTo, String organizationId, Set<EventType> types, int limit) {
        return db.select(POSITION, PAYLOAD).from(EVENTS)
                .where(POSITION.gt(after)).and(POSITION.le(upTo))
                .and(organizationId == null ? noCondition() : ORGANIZATION_ID.eq(organizationId))
                .and(types.isEmpty() ? noCondition() : TYPE.in(types.stream().map(EventType::wireName).toList()))
                .orderBy(POSITION)
                .limit(limit)
                .fetch(r -> new PositionedEvent(r.value1(), r.value2()));
    }
}
