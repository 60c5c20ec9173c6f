package dev.roster.server.user;

import static dev.roster.server.user.UserTable.ACTIVE;
import static dev.roster.server.user.UserTable.ANCHOR_AFTER_SEQ;
import static dev.roster.server.user.UserTable.ANCHOR_DELETE_EPOCH;
import static dev.roster.server.user.UserTable.ANCHOR_DIRECTORY_ID;
import static dev.roster.server.user.UserTable.ANCHOR_START_INDEX;
import static dev.roster.server.user.UserTable.CREATED_AT;
import static dev.roster.server.user.UserTable.USER_EMAILS;
import static dev.roster.server.user.UserTable.EMAIL_VALUE_KEY;
import static dev.roster.server.user.UserTable.EMAIL_USER_ID;
import static dev.roster.server.user.UserTable.EMAIL_TYPE_KEY;
import static dev.roster.server.user.UserTable.USER_COUNTS;
import static dev.roster.server.user.UserTable.USER_COUNT;
import static dev.roster.server.user.UserTable.COUNT_SHARD;
import static dev.roster.server.user.UserTable.COUNT_DIRECTORY_ID;
import static dev.roster.server.user.UserTable.DIRECTORIES;
import static dev.roster.server.user.UserTable.DIRECTORY_ID;
import static dev.roster.server.user.UserTable.DIRECTORY_PK;
import static dev.roster.server.user.UserTable.DISPLAY_NAME_KEY;
import static dev.roster.server.user.UserTable.DOCUMENT;
import static dev.roster.server.user.UserTable.EXTERNAL_ID;
import static dev.roster.server.user.UserTable.FAMILY_NAME_KEY;
import static dev.roster.server.user.UserTable.GIVEN_NAME_KEY;
import static dev.roster.server.user.UserTable.ID;
import static dev.roster.server.user.UserTable.LAST_MODIFIED_AT;
import static dev.roster.server.user.UserTable.PAGE_ANCHORS;
import static dev.roster.server.user.UserTable.SCIM_USERS;
import static dev.roster.server.user.UserTable.SEQ;
import static dev.roster.server.user.UserTable.USER_DELETE_EPOCH;
import static dev.roster.server.user.UserTable.USER_NAME;
import static dev.roster.server.user.UserTable.USER_NAME_KEY;
import static dev.roster.server.user.UserTable.VERSION;

import static org.jooq.impl.DSL.noCondition;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** SQL for SCIM users; every method is scoped to one directory. */
@Component
class UserRepository {

    private static final int USER_COUNT_SHARDS = 16;

    /** Creation order within a directory, as the {@code scim_users_listing} index holds it. */
    static final List<SortField<?>> LISTING_ORDER = List.of(DIRECTORY_ID.asc(), SEQ.asc());

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    void insert(String directoryId, String id, UserColumns columns, long version, OffsetDateTime now,
                String document) {
        db.insertInto(SCIM_USERS)
                .set(ID, id)
                .set(DIRECTORY_ID, directoryId)
                .set(attributeColumns(columns))
                .set(VERSION, version)
                .set(CREATED_AT, now)
                .set(LAST_MODIFIED_AT, now)
                .set(DOCUMENT, document)
                .execute();
        insertEmails(id, columns.emails());
    }

    /** Replaces the user's indexed email addresses; call it in the transaction of the update. */
    void replaceEmails(String id, List<UserColumns.EmailKey> emails) {
        db.deleteFrom(USER_EMAILS).where(EMAIL_USER_ID.eq(id)).execute();
        insertEmails(id, emails);
    }

    private void insertEmails(String id, List<UserColumns.EmailKey> emails) {
        if (emails.isEmpty()) {
            return;
        }
        var insert = db.insertInto(USER_EMAILS, EMAIL_USER_ID, EMAIL_VALUE_KEY, EMAIL_TYPE_KEY);
        for (UserColumns.EmailKey email : emails) {
            insert = insert.values(id, email.valueKey(), email.typeKey());
        }
        insert.execute();
    }

    Optional<StoredUser> find(String directoryId, String id) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_USERS)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .fetchOptional(UserRepository::toStoredUser);
    }

    /** Writes a new version if the stored one is still {@code expectedVersion}; false if another write won. */
    boolean update(String directoryId, String id, long expectedVersion, UserColumns columns,
                   OffsetDateTime now, String document) {
        return db.update(SCIM_USERS)
                .set(attributeColumns(columns))
                .set(VERSION, expectedVersion + 1)
                .set(LAST_MODIFIED_AT, now)
                .set(DOCUMENT, document)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id)).and(VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** The columns that mirror the document's attributes, written alike by insert and update. */
    private static Map<Field<?>, Object> attributeColumns(UserColumns columns) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(USER_NAME, columns.userName());
        values.put(USER_NAME_KEY, columns.userNameKey());
        values.put(EXTERNAL_ID, columns.externalId());
        values.put(ACTIVE, columns.active());
        values.put(DISPLAY_NAME_KEY, columns.displayNameKey());
        values.put(GIVEN_NAME_KEY, columns.givenNameKey());
        values.put(FAMILY_NAME_KEY, columns.familyNameKey());
        return values;
    }

    /**
     * Deletes the user, only at {@code expectedVersion} when one is given, invalidates the directory's page
     * anchors and counts the user out; false if nothing was deleted. Call it in a transaction.
     */
    boolean delete(String directoryId, String id, Long expectedVersion) {
        boolean deleted = db.deleteFrom(SCIM_USERS)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .and(expectedVersion == null ? noCondition() : VERSION.eq(expectedVersion))
                .execute() == 1;
        if (deleted) {
            db.update(DIRECTORIES).set(USER_DELETE_EPOCH, USER_DELETE_EPOCH.plus(1))
                    .where(DIRECTORY_PK.eq(directoryId)).execute();
            adjustUserCount(directoryId, -1);
        }
        return deleted;
    }

    /** Adds {@code delta} to the directory's user count, on a random shard so concurrent writers rarely meet. */
    void adjustUserCount(String directoryId, long delta) {
        int shard = ThreadLocalRandom.current().nextInt(USER_COUNT_SHARDS);
        db.insertInto(USER_COUNTS)
                .columns(COUNT_DIRECTORY_ID, COUNT_SHARD, USER_COUNT)
                .values(directoryId, shard, delta)
                .onConflict(COUNT_DIRECTORY_ID, COUNT_SHARD)
                .doUpdate()
                .set(USER_COUNT, USER_COUNT.plus(delta))
                .execute();
    }

    /** The directory's number of users, read from its count shards: no scan of the users. */
    long userCount(String directoryId) {
        Long count = db.select(DSL.sum(USER_COUNT).cast(Long.class)).from(USER_COUNTS)
                .where(COUNT_DIRECTORY_ID.eq(directoryId))
                .fetchOne(0, Long.class);
        return count == null ? 0 : count;
    }

    long count(String directoryId, Condition condition) {
        return db.selectCount().from(SCIM_USERS).where(DIRECTORY_ID.eq(directoryId)).and(condition)
                .fetchSingle().value1();
    }

    /**
     * Rows after {@code afterSeq} in listing order: an index range scan whatever the position. The order names
     * the index's leading column too, or H2 sorts every remaining row instead of reading the index in order.
     */
    List<StoredUser> pageAfter(String directoryId, Condition condition, long afterSeq, int limit) {
        return select(directoryId, condition)
                .and(SEQ.gt(afterSeq))
                .orderBy(LISTING_ORDER)
                .limit(limit)
                .fetch(UserRepository::toStoredUser);
    }

    /** Rows in an arbitrary order, by position: used only for sorted or filtered index pagination. */
    List<StoredUser> pageAt(String directoryId, Condition condition, List<SortField<?>> order, long offset,
                            int limit) {
        return select(directoryId, condition)
                .orderBy(order)
                .limit(limit)
                .offset(offset)
                .fetch(UserRepository::toStoredUser);
    }

    /** The seq that the user at {@code startIndex} of the unfiltered listing follows, if still known. */
    Optional<Long> pageAnchor(String directoryId, long startIndex) {
        return db.select(ANCHOR_AFTER_SEQ).from(PAGE_ANCHORS)
                .join(DIRECTORIES).on(DIRECTORY_PK.eq(ANCHOR_DIRECTORY_ID))
                .where(ANCHOR_DIRECTORY_ID.eq(directoryId))
                .and(ANCHOR_START_INDEX.eq(startIndex))
                .and(ANCHOR_DELETE_EPOCH.eq(USER_DELETE_EPOCH))
                .fetchOptional(ANCHOR_AFTER_SEQ);
    }

    void savePageAnchor(String directoryId, long startIndex, long afterSeq, long deleteEpoch) {
        db.insertInto(PAGE_ANCHORS)
                .columns(ANCHOR_DIRECTORY_ID, ANCHOR_START_INDEX, ANCHOR_AFTER_SEQ, ANCHOR_DELETE_EPOCH)
                .values(directoryId, startIndex, afterSeq, deleteEpoch)
                .onConflict(ANCHOR_DIRECTORY_ID, ANCHOR_START_INDEX)
                .doUpdate()
                .set(ANCHOR_AFTER_SEQ, afterSeq)
                .set(ANCHOR_DELETE_EPOCH, deleteEpoch)
                .execute();
    }

    long deleteEpoch(String directoryId) {
        return db.select(USER_DELETE_EPOCH).from(DIRECTORIES).where(DIRECTORY_PK.eq(directoryId))
                .fetchOptional(USER_DELETE_EPOCH).orElse(0L);
    }

    private org.jooq.SelectConditionStep<Record6<String, Long, Long, OffsetDateTime, OffsetDateTime, String>> select(
            String directoryId, Condition condition) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_USERS)
                .where(DIRECTORY_ID.eq(directoryId)).and(condition);
    }

    private static StoredUser toStoredUser(Record6<String, Long, Long, OffsetDateTime, OffsetDateTime, String> r) {
        return new StoredUser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
    }
}
