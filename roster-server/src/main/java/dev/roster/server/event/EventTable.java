package dev.roster.server.event;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Names of the {@code events} table for jOOQ without codegen; webhook fan-out and delivery read it too. */
public final class EventTable {

    public static final Table<Record> EVENTS = table(name("events"));
    public static final Field<String> ID = field(name("events", "id"), String.class);
    public static final Field<Long> SEQ = field(name("events", "seq"), Long.class);
    public static final Field<Long> POSITION = field(name("events", "position"), Long.class);
    public static final Field<String> TYPE = field(name("events", "type"), String.class);
    public static final Field<String> ORGANIZATION_ID = field(name("events", "organization_id"), String.class);
    public static final Field<String> DIRECTORY_ID = field(name("events", "directory_id"), String.class);
    public static final Field<OffsetDateTime> OCCURRED_AT =
            field(name("events", "occurred_at"), OffsetDateTime.class);
    public static final Field<String> PAYLOAD = field(name("events", "payload"), String.class);

    private EventTable() {
    }
}
