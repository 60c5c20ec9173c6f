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
import static dev.roster.server.user.UserTable.GROUPS;
import static dev.roster.server.user.UserTable.GROUP_DOCUMENT;
import static dev.roster.server.user.UserTable.GROUP_ID;
import static dev.roster.server.user.UserTable.GROUP_LAST_MODIFIED_AT;
import static dev.roster.server.user.UserTable.GROUP_VERSION;
import static dev.roster.server.user.UserTable.GROUP_MEMBERS;
import static dev.roster.server.user.UserTable.GROUP_MEMBER_GROUP_ID;
import static dev.roster.server.user.UserTable.GROUP_MEMBER_USER_ID;
import static dev.roster.server.user.UserTable.GROUP_MEMBER_USER_NAME;
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

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import dev.roster.server.event.EventTable;
import dev.roster.server.event.PendingEvent;
import dev.roster.server.member.NewScimMember;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertValuesStep13;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.JSON;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UpdateConditionStep;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL for SCIM users; every method is scoped to one directory.
 *
 * <p>The statements of fixed shape that every SCIM request runs (find by id or by a unique key, insert, update,
 * count) are rendered once by jOOQ for the configured dialect and then executed as plain JDBC: rendering them
 * on every call was a fifth of the server's CPU time on lookups and creates. Statements whose shape depends
 * on the request (filters, sorting) stay jOOQ queries.
 */
@Component
class UserRepository {

    private static final int USER_COUNT_SHARDS = 16;

    /** Creation order within a directory, as the {@code scim_users_listing} index holds it. */
    static final List<SortField<?>> LISTING_ORDER = List.of(DIRECTORY_ID.asc(), SEQ.asc());

    /** Columns with an index on (directory_id, column) that a lookup by one value can probe. */
    enum LookupKey {
        ID(UserTable.ID, true), USER_NAME(UserTable.USER_NAME_KEY, true), EXTERNAL_ID(UserTable.EXTERNAL_ID, false);

        private final Field<String> column;
        private final boolean unique;

        LookupKey(Field<String> column, boolean unique) {
            this.column = column;
            this.unique = unique;
        }
    }

    /**
     * The user's groups as one JSON array of [group id, group document] pairs, null when it is in none: a
     * correlated subquery on the membership index, so a user and its groups come in one round trip.
     */
    private static final Field<JSON> GROUPS_OF_USER = DSL.field(DSL.select(
                    DSL.jsonArrayAgg(DSL.jsonArray(GROUP_ID, GROUP_DOCUMENT)).orderBy(GROUP_ID))
            .from(GROUP_MEMBERS).join(GROUPS).on(GROUP_ID.eq(GROUP_MEMBER_GROUP_ID))
            .where(GROUP_MEMBER_USER_ID.eq(ID)));

    private static final RowMapper<StoredUser> STORED_USER = (row, number) -> new StoredUser(row.getString(1),
            row.getLong(2), row.getLong(3), row.getObject(4, OffsetDateTime.class),
            row.getObject(5, OffsetDateTime.class), row.getString(6), row.getString(7));

    private final DSLContext db;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String insertUser;
    /** PostgreSQL only: the user, its email rows and its count in one statement; null elsewhere. */
    private final String insertUserAtOnce;
    private final String insertEmail;
    private final String insertMember;
    private final String insertEvent;
    private final String deleteEmails;
    private final String updateUser;
    /** PostgreSQL only: an update and its event in one statement; null elsewhere. */
    private final String updateUserWithEvent;
    private final String addToUserCount;
    private final Map<LookupKey, String> lookups = new EnumMap<>(LookupKey.class);

    UserRepository(DSLContext db, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.db = db;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.insertUser = render(userInsert(), 13);
        this.insertUserAtOnce = db.dialect().family() == SQLDialect.POSTGRES
                ? render(userInsertAtOnce(), 19 + NewScimMember.BIND_VALUES + PendingEvent.BIND_VALUES)
                : null;
        this.insertMember = render(NewScimMember.insert(db), NewScimMember.BIND_VALUES);
        this.insertEvent = render(PendingEvent.insert(db), PendingEvent.BIND_VALUES);
        this.insertEmail = render(db.insertInto(USER_EMAILS, EMAIL_USER_ID, EMAIL_VALUE_KEY, EMAIL_TYPE_KEY)
                .values(bind(EMAIL_USER_ID), bind(EMAIL_VALUE_KEY), bind(EMAIL_TYPE_KEY)), 3);
        this.deleteEmails = render(db.deleteFrom(USER_EMAILS).where(EMAIL_USER_ID.eq(bind(EMAIL_USER_ID))), 1);
        this.updateUser = render(userUpdate(), 13);
        this.updateUserWithEvent = db.dialect().family() == SQLDialect.POSTGRES
                ? render(userUpdateWithEvent(), 13 + PendingEvent.BIND_VALUES)
                : null;
        this.addToUserCount = render(userCountAddition(), 4);
        // A unique key matches one row at most, so it gets no ORDER BY: with one, H2 walked the directory's
        // listing index (sorted already) instead of probing the key, which made a PUT cost O(directory size).
        for (LookupKey key : LookupKey.values()) {
            lookups.put(key, render(db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT, GROUPS_OF_USER)
                    .from(SCIM_USERS)
                    .where(DIRECTORY_ID.eq(bind(DIRECTORY_ID))).and(key.column.eq(bind(key.column)))
                    .orderBy(key.unique ? List.of() : LISTING_ORDER)
                    .limit(DSL.param("limit", Integer.class)), 3));
        }
    }

    private InsertValuesStep13<Record, String, String, String, String, String, Boolean, String, String, String,
            Long, OffsetDateTime, OffsetDateTime, String> userInsert() {
        return db.insertInto(SCIM_USERS, ID, DIRECTORY_ID, USER_NAME, USER_NAME_KEY, EXTERNAL_ID, ACTIVE,
                        DISPLAY_NAME_KEY, GIVEN_NAME_KEY, FAMILY_NAME_KEY, VERSION, CREATED_AT, LAST_MODIFIED_AT,
                        DOCUMENT)
                .values(bind(ID), bind(DIRECTORY_ID), bind(USER_NAME), bind(USER_NAME_KEY), bind(EXTERNAL_ID),
                        bind(ACTIVE), bind(DISPLAY_NAME_KEY), bind(GIVEN_NAME_KEY), bind(FAMILY_NAME_KEY),
                        bind(VERSION), bind(CREATED_AT), bind(LAST_MODIFIED_AT), bind(DOCUMENT));
    }

    private UpdateConditionStep<Record> userUpdate() {
        return db.update(SCIM_USERS)
                .set(USER_NAME, bind(USER_NAME))
                .set(USER_NAME_KEY, bind(USER_NAME_KEY))
                .set(EXTERNAL_ID, bind(EXTERNAL_ID))
                .set(ACTIVE, bind(ACTIVE))
                .set(DISPLAY_NAME_KEY, bind(DISPLAY_NAME_KEY))
                .set(GIVEN_NAME_KEY, bind(GIVEN_NAME_KEY))
                .set(FAMILY_NAME_KEY, bind(FAMILY_NAME_KEY))
                .set(VERSION, bind(VERSION))
                .set(LAST_MODIFIED_AT, bind(LAST_MODIFIED_AT))
                .set(DOCUMENT, bind(DOCUMENT))
                .where(DIRECTORY_ID.eq(bind(DIRECTORY_ID))).and(ID.eq(bind(ID))).and(VERSION.eq(bind(VERSION)));
    }

    /**
     * The versioned update as a data-modifying CTE and its event inserted from the row it returns: the event
     * exists exactly when the update matched, and costs no round trip of its own.
     */
    private Query userUpdateWithEvent() {
        CommonTableExpression<Record1<String>> updated = name("updated_user").as(userUpdate().returningResult(ID));
        return db.with(updated)
                .insertInto(EventTable.EVENTS, EventTable.ID, EventTable.TYPE, EventTable.ORGANIZATION_ID,
                        EventTable.DIRECTORY_ID, EventTable.OCCURRED_AT, EventTable.PAYLOAD)
                .select(DSL.select(bind(EventTable.ID), bind(EventTable.TYPE), bind(EventTable.ORGANIZATION_ID),
                                bind(EventTable.DIRECTORY_ID), bind(EventTable.OCCURRED_AT), bind(EventTable.PAYLOAD))
                        .from(updated));
    }

    private InsertOnDuplicateSetMoreStep<Record> userCountAddition() {
        return db.insertInto(USER_COUNTS, COUNT_DIRECTORY_ID, COUNT_SHARD, USER_COUNT)
                .values(bind(COUNT_DIRECTORY_ID), bind(COUNT_SHARD), bind(USER_COUNT))
                .onConflict(COUNT_DIRECTORY_ID, COUNT_SHARD)
                .doUpdate()
                .set(USER_COUNT, USER_COUNT.plus(bind(USER_COUNT)));
    }

    /**
     * The five inserts of a create (user, emails, count, member, event) as data-modifying CTEs of one autocommitted
     * statement: a quarter to a third more creates per second from PostgreSQL than the same inserts in a
     * transaction, which costs a round trip each. The email rows come from two parallel arrays (value keys,
     * type keys). A unique violation fails the whole statement, so nothing is half-written.
     */
    private Query userInsertAtOnce() {
        CommonTableExpression<Record1<String>> user = name("inserted_user").as(userInsert().returningResult(ID));
        Field<String> valueKey = field(name("email", "value_key"), String.class);
        Field<String> typeKey = field(name("email", "type_key"), String.class);
        Table<?> emails = table("unnest({0}, {1})", DSL.param("value_keys", String[].class),
                DSL.param("type_keys", String[].class)).as("email", "value_key", "type_key");
        CommonTableExpression<Record1<String>> emailRows = name("inserted_emails").as(
                db.insertInto(USER_EMAILS, EMAIL_USER_ID, EMAIL_VALUE_KEY, EMAIL_TYPE_KEY)
                        .select(DSL.select(user.field(ID), valueKey, typeKey).from(user, emails))
                        .returningResult(EMAIL_USER_ID));
        CommonTableExpression<Record1<Integer>> count =
                name("counted").as(userCountAddition().returningResult(COUNT_SHARD));
        CommonTableExpression<Record1<String>> member =
                name("inserted_member").as(NewScimMember.insertReturningId(db));
        CommonTableExpression<Record1<String>> event =
                name("inserted_event").as(PendingEvent.insert(db).returningResult(EventTable.ID));
        return db.with(user).with(emailRows).with(count).with(member).with(event).select(user.field(ID)).from(user);
    }

    /** A bind marker for {@code field}'s type: the statement is rendered once, its values bound per call. */
    private static <T> Param<T> bind(Field<T> field) {
        return DSL.param(field.getName(), field.getType());
    }

    private String render(Query query, int expectedBindValues) {
        int bindValues = query.getBindValues().size();
        if (bindValues != expectedBindValues) {
            throw new IllegalStateException("statement has " + bindValues + " bind values, expected "
                    + expectedBindValues + ": " + db.render(query));
        }
        return db.render(query);
    }

    /**
     * Stores a new user at version 1 with its email rows, its organization member and its {@code user.created}
     * event, and counts it in, all or nothing: one statement on PostgreSQL, a transaction elsewhere. A taken
     * userName is a {@link DuplicateKeyException}.
     */
    void insert(String directoryId, String id, UserColumns columns, OffsetDateTime now, String document,
                PendingEvent created) {
        int shard = randomCountShard();
        NewScimMember member = NewScimMember.of(directoryId, id, columns.active(), now);
        if (insertUserAtOnce != null) {
            jdbc.query(insertUserAtOnce, statement -> {
                setNewUser(statement, directoryId, id, columns, now, document);
                Connection connection = statement.getConnection();
                List<UserColumns.EmailKey> emails = columns.emails();
                statement.setArray(14, connection.createArrayOf("varchar",
                        emails.stream().map(UserColumns.EmailKey::valueKey).toArray()));
                statement.setArray(15, connection.createArrayOf("varchar",
                        emails.stream().map(UserColumns.EmailKey::typeKey).toArray()));
                setUserCountAddition(statement, 16, directoryId, shard, 1);
                member.bind(statement, 20);
                created.bind(statement, 20 + NewScimMember.BIND_VALUES);
            }, (ResultSetExtractor<Void>) rows -> null);
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.update(insertUser, statement -> setNewUser(statement, directoryId, id, columns, now, document));
            insertEmails(id, columns.emails());
            addToUserCount(directoryId, shard, 1);
            jdbc.update(insertMember, statement -> member.bind(statement, 1));
            jdbc.update(insertEvent, statement -> created.bind(statement, 1));
        });
    }

    private static void setNewUser(PreparedStatement statement, String directoryId, String id, UserColumns columns,
                                   OffsetDateTime now, String document) throws SQLException {
        statement.setString(1, id);
        statement.setString(2, directoryId);
        setAttributeColumns(statement, 3, columns);
        statement.setLong(10, 1);
        statement.setObject(11, now);
        statement.setObject(12, now);
        statement.setString(13, document);
    }

    /** Keeps the userName that a group lists its members by in step; call it in the transaction of the update. */
    void renameInGroups(String id, String userName) {
        db.update(GROUP_MEMBERS).set(GROUP_MEMBER_USER_NAME, userName).where(GROUP_MEMBER_USER_ID.eq(id)).execute();
    }

    /** Replaces the user's indexed email addresses; call it in the transaction of the update. */
    void replaceEmails(String id, List<UserColumns.EmailKey> emails) {
        jdbc.update(deleteEmails, statement -> statement.setString(1, id));
        insertEmails(id, emails);
    }

    private void insertEmails(String id, List<UserColumns.EmailKey> emails) {
        if (emails.size() == 1) {
            jdbc.update(insertEmail, statement -> setEmail(statement, id, emails.getFirst()));
        } else if (!emails.isEmpty()) {
            jdbc.batchUpdate(insertEmail, emails, emails.size(), (statement, email) -> setEmail(statement, id, email));
        }
    }

    private static void setEmail(PreparedStatement statement, String id, UserColumns.EmailKey email)
            throws SQLException {
        statement.setString(1, id);
        statement.setString(2, email.valueKey());
        statement.setString(3, email.typeKey());
    }

    Optional<StoredUser> find(String directoryId, String id) {
        List<StoredUser> found = lookup(directoryId, LookupKey.ID, id, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Up to {@code limit} users whose {@code key} column equals {@code value}, in listing order. */
    List<StoredUser> lookup(String directoryId, LookupKey key, String value, int limit) {
        return jdbc.query(lookups.get(key), statement -> {
            statement.setString(1, directoryId);
            statement.setString(2, value);
            statement.setInt(3, limit);
        }, STORED_USER);
    }

    /**
     * Writes a new version and its event if the stored one is still {@code expectedVersion}; false, writing
     * nothing, if another write won. One statement on PostgreSQL; call it in a transaction.
     */
    boolean update(String directoryId, String id, long expectedVersion, UserColumns columns,
                   OffsetDateTime now, String document, PendingEvent event) {
        if (updateUserWithEvent != null) {
            return jdbc.update(updateUserWithEvent, statement -> {
                setUpdate(statement, directoryId, id, expectedVersion, columns, now, document);
                event.bind(statement, 14);
            }) == 1;
        }
        boolean updated = jdbc.update(updateUser,
                statement -> setUpdate(statement, directoryId, id, expectedVersion, columns, now, document)) == 1;
        if (updated) {
            jdbc.update(insertEvent, statement -> event.bind(statement, 1));
        }
        return updated;
    }

    private static void setUpdate(PreparedStatement statement, String directoryId, String id, long expectedVersion,
                                  UserColumns columns, OffsetDateTime now, String document) throws SQLException {
        setAttributeColumns(statement, 1, columns);
        statement.setLong(8, expectedVersion + 1);
        statement.setObject(9, now);
        statement.setString(10, document);
        statement.setString(11, directoryId);
        statement.setString(12, id);
        statement.setLong(13, expectedVersion);
    }

    /** The columns that mirror the document's attributes, written alike by insert and update, from {@code first}. */
    private static void setAttributeColumns(PreparedStatement statement, int first, UserColumns columns)
            throws SQLException {
        statement.setString(first, columns.userName());
        statement.setString(first + 1, columns.userNameKey());
        statement.setString(first + 2, columns.externalId());
        statement.setBoolean(first + 3, columns.active());
        statement.setString(first + 4, columns.displayNameKey());
        statement.setString(first + 5, columns.givenNameKey());
        statement.setString(first + 6, columns.familyNameKey());
    }

    /**
     * Deletes the user, only at {@code expectedVersion} when one is given, invalidates the directory's page
     * anchors and counts the user out; false if nothing was deleted. Its memberships go with it (ON DELETE
     * CASCADE), so every group it was in gets a new version first: their ETags must change. Call it in a
     * transaction, which a false return must roll back.
     */
    boolean delete(String directoryId, String id, Long expectedVersion, OffsetDateTime now) {
        // locked in id order first: two deletions of users who share groups must not lock them crosswise
        List<String> groupIds = db.select(GROUP_ID).from(GROUPS)
                .where(GROUP_ID.in(DSL.select(GROUP_MEMBER_GROUP_ID).from(GROUP_MEMBERS)
                        .where(GROUP_MEMBER_USER_ID.eq(id))))
                .orderBy(GROUP_ID)
                .forUpdate()
                .fetch(GROUP_ID);
        if (!groupIds.isEmpty()) {
            db.update(GROUPS)
                    .set(GROUP_VERSION, GROUP_VERSION.plus(1))
                    .set(GROUP_LAST_MODIFIED_AT, now)
                    .where(GROUP_ID.in(groupIds))
                    .execute();
        }
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
    private void adjustUserCount(String directoryId, long delta) {
        addToUserCount(directoryId, randomCountShard(), delta);
    }

    /**
     * H2 runs the upsert as a MERGE, so two transactions that both find the shard row missing both insert it
     * and one fails on the primary key. That one adds again and finds the row: without this, a create could
     * fail with the duplicate key of a count row, reported as a taken userName.
     */
    private void addToUserCount(String directoryId, int shard, long delta) {
        try {
            jdbc.update(addToUserCount, statement -> setUserCountAddition(statement, 1, directoryId, shard, delta));
        } catch (DuplicateKeyException e) {
            jdbc.update(addToUserCount, statement -> setUserCountAddition(statement, 1, directoryId, shard, delta));
        }
    }

    private static int randomCountShard() {
        return ThreadLocalRandom.current().nextInt(USER_COUNT_SHARDS);
    }

    private static void setUserCountAddition(PreparedStatement statement, int first, String directoryId, int shard,
                                             long delta) throws SQLException {
        statement.setString(first, directoryId);
        statement.setInt(first + 1, shard);
        statement.setLong(first + 2, delta);
        statement.setLong(first + 3, delta);
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

    private SelectConditionStep<Record7<String, Long, Long, OffsetDateTime, OffsetDateTime, String, JSON>> select(
            String directoryId, Condition condition) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT, GROUPS_OF_USER).from(SCIM_USERS)
                .where(DIRECTORY_ID.eq(directoryId)).and(condition);
    }

    private static StoredUser toStoredUser(
            Record7<String, Long, Long, OffsetDateTime, OffsetDateTime, String, JSON> r) {
        return new StoredUser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7() == null ? null : r.value7().data());
    }
}
