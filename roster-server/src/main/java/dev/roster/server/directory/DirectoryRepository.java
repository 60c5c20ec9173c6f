package dev.roster.server.directory;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
class DirectoryRepository {

    private static final Table<Record> DIRECTORIES = table(name("directories"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> ORGANIZATION_ID = field(name("organization_id"), String.class);
    private static final Field<String> PROVIDER = field(name("provider"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext db;

    DirectoryRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Directory directory) {
        db.insertInto(DIRECTORIES).columns(ID, ORGANIZATION_ID, PROVIDER, NAME, CREATED_AT)
                .values(directory.id(), directory.organizationId(), directory.provider().wireName(),
                        directory.name(), directory.createdAt())
                .execute();
    }

    Optional<Directory> find(String id) {
        return db.select(ID, ORGANIZATION_ID, PROVIDER, NAME, CREATED_AT).from(DIRECTORIES).where(ID.eq(id))
                .fetchOptional(DirectoryRepository::toDirectory);
    }

    List<Directory> listByOrganization(String organizationId, String afterId, int limit) {
        return db.select(ID, ORGANIZATION_ID, PROVIDER, NAME, CREATED_AT).from(DIRECTORIES)
                .where(ORGANIZATION_ID.eq(organizationId))
                .and(afterId == null ? noCondition() : ID.gt(afterId))
                .orderBy(ID)
                .limit(limit)
                .fetch(DirectoryRepository::toDirectory);
    }

    private static Directory toDirectory(Record5<String, String, String, String, OffsetDateTime> r) {
        return new Directory(r.value1(), r.value2(), DirectoryProvider.fromWireName(r.value3()), r.value4(),
                r.value5());
    }
}
