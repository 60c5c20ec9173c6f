package dev.roster.server.group;

import static dev.roster.server.group.GroupTable.CREATED_AT;
import static dev.roster.server.group.GroupTable.DIRECTORY_ID;
import static dev.roster.server.group.GroupTable.DISPLAY_NAME_KEY;
import static dev.roster.server.group.GroupTable.DOCUMENT;
import static dev.roster.server.group.GroupTable.EXTERNAL_ID;
import static dev.roster.server.group.GroupTable.ID;
import static dev.roster.server.group.GroupTable.LAST_MODIFIED_AT;
import static dev.roster.server.group.GroupTable.MEMBERS;
import static dev.roster.server.group.GroupTable.MEMBER_GROUP_ID;
import static dev.roster.server.group.GroupTable.MEMBER_USER_ID;
import static dev.roster.server.group.GroupTable.MEMBER_USER_NAME;
import static dev.roster.server.group.GroupTable.SCIM_GROUPS;
import static dev.roster.server.group.GroupTable.SEQ;
import static dev.roster.server.group.GroupTable.USERS;
import static dev.roster.server.group.GroupTable.USER_DIRECTORY_ID;
import static dev.roster.server.group.GroupTable.USER_ID;
import static dev.roster.server.group.GroupTable.USER_NAME;
import static dev.roster.server.group.GroupTable.VERSION;

import static org.jooq.impl.DSL.name;

import dev.roster.server.event.EventTable;
import dev.roster.server.event.EventType;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record2;
import org.jooq.Query;
import org.jooq.Record6;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** SQL for SCIM groups and their member relation; every method is scoped to one directory or one group. */
@Component
class GroupRepository {

    /** Ids per statement when a request names many members: keeps every IN list and multi-row insert bounded. */
    private static final int CHUNK = 1000;
    /** Member rows per round trip while streaming a group's members. */
    private static final int MEMBER_FETCH_SIZE = 1000;

    /** Creation order within a directory, as the (directory_id, seq) index holds it. */
    static final List<SortField<?>> CREATION_ORDER = List.of(DIRECTORY_ID.asc(), SEQ.asc());

    private static final String USER_IDS = "user_ids";
    private static final String NOW = "now";
    private static final String GROUP_ID = "group_id";
    private static final String GROUP_DIRECTORY_ID = "group_directory_id";
    private static final String USERS_DIRECTORY_ID = "users_directory_id";
    private static final String EVENT_IDS = "event_ids";
    private static final String EVENT_HEADS = "event_heads";
    private static final String EVENT_TAILS = "event_tails";
    private static final String EVENT_ORGANIZATION_ID = "event_organization_id";

    private final DSLContext db;
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    /** PostgreSQL only: {@link #changeMembers}; null elsewhere. */
    private final MemberStatement addMembersAtOnce;
    private final MemberStatement removeMembersAtOnce;

    GroupRepository(DSLContext db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
        this.postgres = db.dialect().family() == SQLDialect.POSTGRES;
        this.addMembersAtOnce = postgres ? memberStatement(true) : null;
        this.removeMembersAtOnce = postgres ? memberStatement(false) : null;
    }

    void insert(String directoryId, String id, GroupColumns columns, OffsetDateTime now, String document) {
        db.insertInto(SCIM_GROUPS)
                .set(ID, id)
                .set(DIRECTORY_ID, directoryId)
                .set(DISPLAY_NAME_KEY, columns.displayNameKey())
                .set(EXTERNAL_ID, columns.externalId())
                .set(VERSION, 1L)
                .set(CREATED_AT, now)
                .set(LAST_MODIFIED_AT, now)
                .set(DOCUMENT, document)
                .execute();
    }

    Optional<StoredGroup> find(String directoryId, String id) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_GROUPS)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .fetchOptional(GroupRepository::toStoredGroup);
    }

    /** The group, its row locked until the transaction ends: writes to one group queue instead of retrying. */
    Optional<StoredGroup> lock(String directoryId, String id) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_GROUPS)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .forUpdate()
                .fetchOptional(GroupRepository::toStoredGroup);
    }

    /**
     * Gives the group its next version, locking its row until the transaction ends, and returns it as
     * written: a member-only PATCH needs no other read of the group, so concurrent PATCHes of one group hold
     * the lock for one statement fewer.
     */
    Optional<StoredGroup> bumpVersion(String directoryId, String id, OffsetDateTime now) {
        return db.update(SCIM_GROUPS)
                .set(VERSION, VERSION.plus(1))
                .set(LAST_MODIFIED_AT, now)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .returningResult(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT)
                .fetchOptional(GroupRepository::toStoredGroup);
    }

    /** Whether {@link #changeMembers} is available: on PostgreSQL, where it is one statement. */
    boolean changesMembersInOneStatement() {
        return postgres;
    }

    /**
     * PostgreSQL only: adds ({@code add}) or removes the named members, gives the group its next version and
     * inserts the {@code drafts}' events of the members actually added or removed, all or nothing; returns the
     * group as written, or empty, having changed nothing, if there is no such group or if a user to add is not a
     * user of the directory. This is one autocommitted statement (data-modifying CTEs), so the group's row lock
     * lasts one round trip and its commit: concurrent member PATCHes of one group all queue on that lock.
     */
    Optional<StoredGroup> changeMembers(String directoryId, String id, boolean add, List<String> userIds,
                                        OffsetDateTime now, GroupEvents.MemberEventDrafts drafts) {
        MemberStatement statement = add ? addMembersAtOnce : removeMembersAtOnce;
        List<StoredGroup> written = jdbc.query(statement.sql(), prepared -> {
            Connection connection = prepared.getConnection();
            prepared.setArray(statement.position(USER_IDS), connection.createArrayOf("varchar", userIds.toArray()));
            prepared.setArray(statement.position(EVENT_IDS), connection.createArrayOf("varchar",
                    drafts.ids().toArray()));
            prepared.setArray(statement.position(EVENT_HEADS), connection.createArrayOf("varchar",
                    drafts.heads().toArray()));
            prepared.setArray(statement.position(EVENT_TAILS), connection.createArrayOf("varchar",
                    drafts.tails().toArray()));
            prepared.setString(statement.position(EVENT_ORGANIZATION_ID), drafts.organizationId());
            prepared.setObject(statement.position(NOW), now);
            prepared.setString(statement.position(GROUP_ID), id);
            for (String directory : List.of(GROUP_DIRECTORY_ID, USERS_DIRECTORY_ID)) {
                if (statement.has(directory)) {
                    prepared.setString(statement.position(directory), directoryId);
                }
            }
        }, (row, number) -> new StoredGroup(row.getString(1), row.getLong(2), row.getLong(3),
                row.getObject(4, OffsetDateTime.class), row.getObject(5, OffsetDateTime.class), row.getString(6)));
        return written.stream().findFirst();
    }

    /** A member statement rendered once, and where each named bind value goes in it (1-based). */
    private record MemberStatement(String sql, List<String> parameters) {

        boolean has(String parameter) {
            return parameters.contains(parameter);
        }

        int position(String parameter) {
            return parameters.indexOf(parameter) + 1;
        }
    }

    /**
     * The PostgreSQL statement of {@link #changeMembers}, rendered once: jOOQ rendering these CTEs on every
     * PATCH was a sizeable share of the server's CPU per membership change.
     */
    private MemberStatement memberStatement(boolean add) {
        Name requestedRow = name("requested_row");
        Table<?> rows = DSL.table("unnest({0}, {1}, {2}, {3})", DSL.param(USER_IDS, String[].class),
                        DSL.param(EVENT_IDS, String[].class), DSL.param(EVENT_HEADS, String[].class),
                        DSL.param(EVENT_TAILS, String[].class))
                .as(requestedRow, name("user_id"), name("event_id"), name("event_head"), name("event_tail"));
        Field<String> requestedId = DSL.field(requestedRow.append("user_id"), String.class);
        // The users are found by primary key alone and their directory compared afterwards: with the directory
        // in the join, PostgreSQL without fresh statistics scanned the whole directory.
        CommonTableExpression<?> requested = name("requested").as(
                DSL.select(requestedId.as("user_id"), USER_NAME.as("user_name"), USER_DIRECTORY_ID.as("directory_id"),
                                DSL.field(requestedRow.append("event_id"), String.class).as("event_id"),
                                DSL.field(requestedRow.append("event_head"), String.class).as("event_head"),
                                DSL.field(requestedRow.append("event_tail"), String.class).as("event_tail"))
                        .from(rows).leftJoin(USERS).on(USER_ID.eq(requestedId)));
        Condition everyUserInDirectory = add
                ? DSL.notExists(DSL.selectOne().from(requested)
                        .where(requested.field("directory_id", String.class)
                                .isDistinctFrom(DSL.param(USERS_DIRECTORY_ID, String.class))))
                : DSL.noCondition();
        CommonTableExpression<?> bumped = name("bumped").as(db.update(SCIM_GROUPS)
                .set(VERSION, VERSION.plus(DSL.inline(1L)))
                .set(LAST_MODIFIED_AT, DSL.param(NOW, OffsetDateTime.class))
                .where(DIRECTORY_ID.eq(DSL.param(GROUP_DIRECTORY_ID, String.class)))
                .and(ID.eq(DSL.param(GROUP_ID, String.class)))
                .and(everyUserInDirectory)
                .returningResult(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT, EXTERNAL_ID, DIRECTORY_ID));
        Field<String> groupId = bumped.field(ID);
        Field<String> userId = requested.field("user_id", String.class);
        CommonTableExpression<?> changed = name("changed").as(add
                ? db.insertInto(MEMBERS, MEMBER_GROUP_ID, MEMBER_USER_ID, MEMBER_USER_NAME)
                        .select(DSL.select(groupId, userId, requested.field("user_name", String.class))
                                .from(bumped).crossJoin(requested))
                        .onConflictDoNothing()
                        .returningResult(MEMBER_USER_ID, MEMBER_USER_NAME)
                : db.deleteFrom(MEMBERS)
                        .using(bumped, requested)
                        .where(MEMBER_GROUP_ID.eq(groupId)).and(MEMBER_USER_ID.eq(userId))
                        .returningResult(MEMBER_USER_ID, MEMBER_USER_NAME));
        Field<String> changedUserId = changed.field(MEMBER_USER_ID);
        // The event data as GroupEvents renders it in Java, here from the rows as written; the envelope around it
        // was rendered beforehand, one per requested user, and only the users actually changed get theirs.
        Field<String> payload = DSL.field("{0} || json_build_object("
                        + "'group', json_build_object('id', {1}, 'displayName', cast({2} as json) -> 'displayName', "
                        + "'externalId', {3}), "
                        + "'user', json_build_object('id', {4}, 'userName', {5}))::text || {6}", String.class,
                requested.field("event_head", String.class), groupId, bumped.field(DOCUMENT),
                bumped.field(EXTERNAL_ID), changedUserId, changed.field(MEMBER_USER_NAME),
                requested.field("event_tail", String.class));
        CommonTableExpression<?> logged = name("logged").as(db.insertInto(EventTable.EVENTS, EventTable.ID,
                        EventTable.TYPE, EventTable.ORGANIZATION_ID, EventTable.DIRECTORY_ID, EventTable.OCCURRED_AT,
                        EventTable.PAYLOAD)
                .select(DSL.select(requested.field("event_id", String.class),
                                DSL.inline((add ? EventType.GROUP_MEMBER_ADDED : EventType.GROUP_MEMBER_REMOVED)
                                        .wireName()),
                                DSL.param(EVENT_ORGANIZATION_ID, String.class), bumped.field(DIRECTORY_ID),
                                bumped.field(LAST_MODIFIED_AT), payload)
                        .from(changed).join(requested).on(userId.eq(changedUserId)).crossJoin(bumped))
                .returningResult(EventTable.ID));
        Query query = db.with(requested).with(bumped).with(changed).with(logged)
                .select(groupId, bumped.field(SEQ), bumped.field(VERSION), bumped.field(CREATED_AT),
                        bumped.field(LAST_MODIFIED_AT), bumped.field(DOCUMENT))
                .from(bumped);
        List<String> parameters = query.getParams().entrySet().stream()
                .filter(parameter -> !parameter.getValue().isInline())
                .map(Map.Entry::getKey)
                .toList();
        if (parameters.size() != query.getBindValues().size()) {
            throw new IllegalStateException("each bind value of the member statement needs its own name: "
                    + parameters);
        }
        return new MemberStatement(db.render(query), parameters);
    }

    void update(String directoryId, String id, long version, GroupColumns columns, OffsetDateTime now,
                String document) {
        db.update(SCIM_GROUPS)
                .set(DISPLAY_NAME_KEY, columns.displayNameKey())
                .set(EXTERNAL_ID, columns.externalId())
                .set(VERSION, version)
                .set(LAST_MODIFIED_AT, now)
                .set(DOCUMENT, document)
                .where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id))
                .execute();
    }

    boolean delete(String directoryId, String id) {
        return db.deleteFrom(SCIM_GROUPS).where(DIRECTORY_ID.eq(directoryId)).and(ID.eq(id)).execute() == 1;
    }

    /** Groups by position in {@code order}; a directory has few enough groups for OFFSET. */
    List<StoredGroup> page(String directoryId, Condition condition, List<SortField<?>> order, long offset,
                           int limit) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_GROUPS)
                .where(DIRECTORY_ID.eq(directoryId)).and(condition)
                .orderBy(order)
                .limit(limit)
                .offset(offset)
                .fetch(GroupRepository::toStoredGroup);
    }

    /** Groups created after {@code afterSeq}, in creation order: a cursor page (RFC 9865). */
    List<StoredGroup> pageAfter(String directoryId, Condition condition, long afterSeq, int limit) {
        return db.select(ID, SEQ, VERSION, CREATED_AT, LAST_MODIFIED_AT, DOCUMENT).from(SCIM_GROUPS)
                .where(DIRECTORY_ID.eq(directoryId)).and(condition).and(SEQ.gt(afterSeq))
                .orderBy(CREATION_ORDER)
                .limit(limit)
                .fetch(GroupRepository::toStoredGroup);
    }

    long count(String directoryId, Condition condition) {
        return db.selectCount().from(SCIM_GROUPS).where(DIRECTORY_ID.eq(directoryId)).and(condition)
                .fetchSingle().value1();
    }

    /**
     * Which of {@code userIds} are users of the directory. The directory is compared here, not in SQL: with
     * both conditions, PostgreSQL without fresh statistics (right after a bulk load, or with autovacuum off)
     * scanned the whole directory instead of probing the primary key.
     */
    Set<String> existingUsers(String directoryId, Collection<String> userIds) {
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : chunks(List.copyOf(userIds))) {
            db.select(USER_ID, USER_DIRECTORY_ID).from(USERS).where(USER_ID.in(chunk))
                    .fetch()
                    .forEach(user -> {
                        if (directoryId.equals(user.value2())) {
                            existing.add(user.value1());
                        }
                    });
        }
        return existing;
    }

    /** Adds the users not yet members, recording each row inserted: adding a member twice changes nothing. */
    void addMembers(String groupId, List<String> userIds, MembershipDelta delta) {
        for (List<String> chunk : chunks(userIds)) {
            db.insertInto(MEMBERS, MEMBER_GROUP_ID, MEMBER_USER_ID, MEMBER_USER_NAME)
                    .select(DSL.select(DSL.val(groupId), USER_ID, USER_NAME).from(USERS).where(USER_ID.in(chunk)))
                    .onConflict(MEMBER_GROUP_ID, MEMBER_USER_ID).doNothing()
                    .returningResult(MEMBER_USER_ID, MEMBER_USER_NAME)
                    .fetch(member -> new GroupMember(member.value1(), member.value2()))
                    .forEach(delta::added);
        }
    }

    /** Removes those of the users that are members, recording each row deleted. */
    void removeMembers(String groupId, List<String> userIds, MembershipDelta delta) {
        for (List<String> chunk : chunks(userIds)) {
            db.deleteFrom(MEMBERS).where(MEMBER_GROUP_ID.eq(groupId)).and(MEMBER_USER_ID.in(chunk))
                    .returningResult(MEMBER_USER_ID, MEMBER_USER_NAME)
                    .fetch(member -> new GroupMember(member.value1(), member.value2()))
                    .forEach(delta::removed);
        }
    }

    void removeAllMembers(String groupId, MembershipDelta delta) {
        db.deleteFrom(MEMBERS).where(MEMBER_GROUP_ID.eq(groupId))
                .returningResult(MEMBER_USER_ID, MEMBER_USER_NAME)
                .fetch(member -> new GroupMember(member.value1(), member.value2()))
                .forEach(delta::removed);
    }

    /**
     * Makes {@code userIds} the group's members by writing only the difference: one pass over the current
     * members, then deletes of those not kept and inserts of those new, a chunk per statement. Holds the ids,
     * never the rows, so a 100,000-member group costs a few megabytes; needs the caller's transaction.
     */
    void replaceMembers(String groupId, List<String> userIds, MembershipDelta delta) {
        Set<String> toAdd = new LinkedHashSet<>(userIds);
        List<String> toRemove = new ArrayList<>();
        forEachMember(groupId, member -> {
            if (!toAdd.remove(member.userId())) {
                toRemove.add(member.userId());
            }
        });
        removeMembers(groupId, toRemove, delta);
        addMembers(groupId, List.copyOf(toAdd), delta);
    }

    /** How many members the group has: a range of the membership primary key, which leads with group_id. */
    long memberCount(String groupId) {
        return db.selectCount().from(MEMBERS).where(MEMBER_GROUP_ID.eq(groupId)).fetchSingle().value1();
    }

    /**
     * Hands the group's members to {@code action} as they come from the group's own index range, fetching rows
     * in batches from a database cursor; on PostgreSQL the cursor needs the caller's transaction. SCIM gives
     * multi-valued attributes no order, and asking for one made PostgreSQL sort the whole group first.
     */
    void forEachMember(String groupId, Consumer<GroupMember> action) {
        try (Cursor<Record2<String, String>> rows = db.select(MEMBER_USER_ID, MEMBER_USER_NAME).from(MEMBERS)
                .where(MEMBER_GROUP_ID.eq(groupId))
                .fetchSize(MEMBER_FETCH_SIZE)
                .fetchLazy()) {
            for (Record2<String, String> row : rows) {
                action.accept(new GroupMember(row.value1(), row.value2()));
            }
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += CHUNK) {
            chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
        }
        return chunks;
    }

    private static StoredGroup toStoredGroup(Record6<String, Long, Long, OffsetDateTime, OffsetDateTime, String> r) {
        return new StoredGroup(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
    }
}
