package dev.roster.server.directory;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
class DirectoryTokenRepository {

    private static final Table<Record> TOKENS = table(name("directory_tokens"));
    private static final Table<Record> DIRECTORIES = table(name("directories"));
    private static final Field<String> ID = field(name("directory_tokens", "id"), String.class);
    private static final Field<String> DIRECTORY_ID = field(name("directory_tokens", "directory_id"), String.class);
    private static final Field<String> TOKEN_HASH = field(name("directory_tokens", "token_hash"), String.class);
    private static final Field<String> HINT = field(name("directory_tokens", "hint"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT =
            field(name("directory_tokens", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> LAST_USED_AT =
            field(name("directory_tokens", "last_used_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> REVOKED_AT =
            field(name("directory_tokens", "revoked_at"), OffsetDateTime.class);
    private static final Field<String> DIRECTORY_PK = field(name("directories", "id"), String.class);
    private static final Field<String> DIRECTORY_ORGANIZATION_ID =
            field(name("directories", "organization_id"), String.class);

    private final DSLContext db;

    DirectoryTokenRepository(DSLContext db) {
        this.db = db;
    }

    void insert(String id, String directoryId, String tokenHash, String hint, OffsetDateTime createdAt) {
        db.insertInto(TOKENS).columns(ID, DIRECTORY_ID, TOKEN_HASH, HINT, CREATED_AT)
                .values(id, directoryId, tokenHash, hint, createdAt)
                .execute();
    }

    List<DirectoryToken> list(String directoryId) {
        return select().where(DIRECTORY_ID.eq(directoryId)).orderBy(CREATED_AT, ID)
                .fetch(DirectoryTokenRepository::toToken);
    }

    Optional<DirectoryToken> find(String directoryId, String tokenId) {
        return select().where(ID.eq(tokenId)).and(DIRECTORY_ID.eq(directoryId))
                .fetchOptional(DirectoryTokenRepository::toToken);
    }

    /** Revokes a live token; false if it does not exist in this directory or is already revoked. */
    boolean revoke(String directoryId, String tokenId, OffsetDateTime now) {
        return db.update(TOKENS).set(REVOKED_AT, now)
                .where(ID.eq(tokenId)).and(DIRECTORY_ID.eq(directoryId)).and(REVOKED_AT.isNull())
                .execute() == 1;
    }

    boolean exists(String directoryId, String tokenId) {
        return db.fetchExists(TOKENS, ID.eq(tokenId).and(DIRECTORY_ID.eq(directoryId)));
    }

    record LiveToken(String tokenId, String directoryId, String organizationId, OffsetDateTime lastUsedAt) {
    }

    Optional<LiveToken> findLive(String tokenHash) {
        return db.select(ID, DIRECTORY_ID, DIRECTORY_ORGANIZATION_ID, LAST_USED_AT)
                .from(TOKENS).join(DIRECTORIES).on(DIRECTORY_PK.eq(DIRECTORY_ID))
                .where(TOKEN_HASH.eq(tokenHash)).and(REVOKED_AT.isNull())
                .fetchOptional(r -> new LiveToken(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private SelectJoinStep<Record6<String, String, String, OffsetDateTime, OffsetDateTime, OffsetDateTime>> select() {
        return db.select(ID, DIRECTORY_ID, HINT, CREATED_AT, LAST_USED_AT, REVOKED_AT).from(TOKENS);
    }

    private static DirectoryToken toToken(
            Record6<String, String, String, OffsetDateTime, OffsetDateTime, OffsetDateTime> r) {
        return new DirectoryToken(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
    }

    void recordUse(String tokenId, OffsetDateTime now, OffsetDateTime unlessUsedSince) {
        db.update(TOKENS).set(LAST_USED_AT, now)
                .where(ID.eq(tokenId))
                .and(LAST_USED_AT.isNull().or(LAST_USED_AT.lt(unlessUsedSince)))
                .execute();
    }
}
