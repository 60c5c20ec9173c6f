package dev.roster.server.organization;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
public class OrganizationRepository {

    private static final Table<Record> ORGANIZATIONS = table(name("organizations"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext db;

    OrganizationRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Organization organization) {
        db.insertInto(ORGANIZATIONS).columns(ID, NAME, CREATED_AT)
                .values(organization.id(), organization.name(), organization.createdAt())
                .execute();
    }

    public Optional<Organization> find(String id) {
        return db.select(ID, NAME, CREATED_AT).from(ORGANIZATIONS).where(ID.eq(id))
                .fetchOptional(r -> new Organization(r.value1(), r.value2(), r.value3()));
    }

    /** Organizations in id order after {@code afterId} (null for the first page). */
    List<Organization> list(String afterId, int limit) {
        return db.select(ID, NAME, CREATED_AT).from(ORGANIZATIONS)
                .where(afterId == null ? org.jooq.impl.DSL.noCondition() : ID.gt(afterId))
                .orderBy(ID)
                .limit(limit)
                .fetch(r -> new Organization(r.value1(), r.value2(), r.value3()));
    }
}
