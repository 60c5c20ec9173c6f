package dev.roster.server.event;

import static dev.roster.server.event.EventTable.DIRECTORY_ID;
import static dev.roster.server.event.EventTable.EVENTS;
import static dev.roster.server.event.EventTable.ID;
import static dev.roster.server.event.EventTable.OCCURRED_AT;
import static dev.roster.server.event.EventTable.ORGANIZATION_ID;
import static dev.roster.server.event.EventTable.PAYLOAD;
import static dev.roster.server.event.EventTable.TYPE;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * An event rendered before the statement that writes its change, from {@link EventLog#render}: a change written
 * by one autocommitted statement inserts its event as one more part of that statement ({@link #insert} and
 * {@link #bind}), then calls {@link EventLog#committed}.
 *
 * @param payload the whole event as delivered, JSON
 */
public record PendingEvent(String id, EventType type, String organizationId, String directoryId,
                           OffsetDateTime occurredAt, String payload) {

    /** How many bind markers {@link #insert} has; {@link #bind} sets them in order. */
    public static final int BIND_VALUES = 6;

    /** The insert of one event with bind markers, to render once and run with {@link #bind}. */
    public static InsertValuesStep6<Record, String, String, String, String, OffsetDateTime, String> insert(
            DSLContext db) {
        return db.insertInto(EVENTS, ID, TYPE, ORGANIZATION_ID, DIRECTORY_ID, OCCURRED_AT, PAYLOAD)
                .values(bind(ID), bind(TYPE), bind(ORGANIZATION_ID), bind(DIRECTORY_ID), bind(OCCURRED_AT),
                        bind(PAYLOAD));
    }

    public void bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, id);
        statement.setString(first + 1, type.wireName());
        statement.setString(first + 2, organizationId);
        statement.setString(first + 3, directoryId);
        statement.setObject(first + 4, occurredAt, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(first + 5, payload);
    }

    private static <T> Param<T> bind(Field<T> field) {
        return DSL.param(field.getName(), field.getType());
    }
}
