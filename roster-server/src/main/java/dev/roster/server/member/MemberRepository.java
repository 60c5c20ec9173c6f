package dev.roster.server.member;

import static dev.roster.server.member.MemberTable.CREATED_AT;
import static dev.roster.server.member.MemberTable.DIRECTORIES;
import static dev.roster.server.member.MemberTable.DIRECTORY_ID;
import static dev.roster.server.member.MemberTable.DIRECTORY_ORGANIZATION_ID;
import static dev.roster.server.member.MemberTable.DIRECTORY_PK;
import static dev.roster.server.member.MemberTable.EMAIL;
import static dev.roster.server.member.MemberTable.EMAIL_KEY;
import static dev.roster.server.member.MemberTable.ID;
import static dev.roster.server.member.MemberTable.MEMBERS;
import static dev.roster.server.member.MemberTable.NAME;
import static dev.roster.server.member.MemberTable.ORGANIZATION_ID;
import static dev.roster.server.member.MemberTable.ORGANIZATIONS;
import static dev.roster.server.member.MemberTable.ORGANIZATION_PK;
import static dev.roster.server.member.MemberTable.ORGANIZATION_POLICY;
import static dev.roster.server.member.MemberTable.REVOKED_AT;
import static dev.roster.server.member.MemberTable.REVOKED_REASON;
import static dev.roster.server.member.MemberTable.ROLE;
import static dev.roster.server.member.MemberTable.SEQ;
import static dev.roster.server.member.MemberTable.STATUS;
import static dev.roster.server.member.MemberTable.UPDATED_AT;
import static dev.roster.server.member.MemberTable.USERS;
import static dev.roster.server.member.MemberTable.USER_DIRECTORY_ID;
import static dev.roster.server.member.MemberTable.USER_DOCUMENT;
import static dev.roster.server.member.MemberTable.USER_EMAILS;
import static dev.roster.server.member.MemberTable.USER_EMAIL_USER_ID;
import static dev.roster.server.member.MemberTable.USER_EMAIL_VALUE_KEY;
import static dev.roster.server.member.MemberTable.USER_ID;
import static dev.roster.server.member.MemberTable.USER_NAME_KEY;
import static dev.roster.server.member.MemberTable.USER_PK;

import dev.roster.server.organization.ReactivationPolicy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL for organization members; every read is scoped to one organization. Reads join the member's SCIM user
 * by primary key for its document; writes probe a member by id or a user's members by user_id, so their plans
 * need no table statistics.
 */
@Component
class MemberRepository {

    private static final List<Field<?>> COLUMNS = List.of(ID, ORGANIZATION_ID, DIRECTORY_ID, USER_ID, SEQ, ROLE,
            STATUS, REVOKED_AT, REVOKED_REASON, EMAIL, NAME, CREATED_AT, UPDATED_AT, USER_DOCUMENT);

    private final DSLContext db;
    private final JdbcTemplate jdbc;
    private final String insertForUser;

    MemberRepository(DSLContext db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
        this.insertForUser = db.render(NewScimMember.insert(db));
    }

    /** A member made by hand through the management API: no directory, no SCIM user. */
    void insertByHand(String id, String organizationId, String email, String name, MemberRole role,
                      OffsetDateTime now) {
        db.insertInto(MEMBERS)
                .set(ID, id)
                .set(ORGANIZATION_ID, organizationId)
                .set(ROLE, role.wireName())
                .set(STATUS, MemberStatus.ACTIVE.wireName())
                .set(EMAIL, email)
                .set(EMAIL_KEY, emailKey(email))
                .set(NAME, name)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .execute();
    }

    /** A new member for an existing SCIM user, as reactivation under {@code new_user} makes one. */
    void insertForUser(NewScimMember member) {
        jdbc.update(insertForUser, statement -> member.bind(statement, 1));
    }

    Optional<StoredMember> find(String organizationId, String id) {
        return select().where(ID.eq(id)).and(ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(MemberRepository::toStoredMember);
    }

    /** The user's current member: its latest, found by a backward scan of the user's index entries. */
    Optional<StoredMember> currentOfUser(String userId) {
        return select().where(USER_ID.eq(userId))
                .orderBy(USER_ID.desc(), SEQ.desc())
                .limit(1)
                .fetchOptional(MemberRepository::toStoredMember);
    }

    /**
     * Every member of the users in the organization, oldest first; a user with several has been reactivated
     * under new_user. The organization is compared here, not in SQL: with both conditions, PostgreSQL without
     * statistics scanned the organization's members instead of probing the users'.
     */
    List<StoredMember> ofUsers(String organizationId, Collection<String> userIds) {
        return select().where(USER_ID.in(userIds)).orderBy(SEQ).fetch(MemberRepository::toStoredMember).stream()
                .filter(member -> member.organizationId().equals(organizationId))
                .toList();
    }

    /** Members in listing order after {@code afterSeq}; {@code status} null for every status. */
    List<StoredMember> page(String organizationId, MemberStatus status, long afterSeq, int limit) {
        return select().where(ORGANIZATION_ID.eq(organizationId))
                .and(SEQ.gt(afterSeq))
                .and(statusCondition(status))
                .orderBy(ORGANIZATION_ID, SEQ)
                .limit(limit)
                .fetch(MemberRepository::toStoredMember);
    }

    /**
     * The members that may have {@code email}: members made by hand or of deleted users by their own column,
     * and members of existing SCIM users by any of the user's addresses or by userName. Each is one index
     * probe; the caller keeps those whose email, as a member shows it, matches.
     */
    List<StoredMember> candidatesByEmail(String organizationId, String email, MemberStatus status) {
        String key = emailKey(email);
        List<String> userIds = db.select(USER_EMAIL_USER_ID).from(USER_EMAILS).where(USER_EMAIL_VALUE_KEY.eq(key))
                .union(db.select(USER_PK).from(DIRECTORIES).join(USERS).on(USER_DIRECTORY_ID.eq(DIRECTORY_PK))
                        .where(DIRECTORY_ORGANIZATION_ID.eq(organizationId)).and(USER_NAME_KEY.eq(key)))
                .fetch(0, String.class);
        List<StoredMember> candidates = new ArrayList<>(select().where(ORGANIZATION_ID.eq(organizationId))
                .and(EMAIL_KEY.eq(key))
                .fetch(MemberRepository::toStoredMember));
        if (!userIds.isEmpty()) {
            candidates.addAll(ofUsers(organizationId, userIds));
        }
        return candidates.stream()
                .filter(member -> status == null || member.status() == status)
                .distinct()
                .toList();
    }

    /**
     * Revokes the user's current member in one statement if it is an active {@code member}: the common
     * deactivation. False when the current member is an admin, already revoked, or missing.
     */
    boolean revokeCurrentPlainMember(String userId, RevocationReason reason, OffsetDateTime now) {
        return revocation(reason, now)
                .where(ID.eq(currentMemberId(userId)))
                .and(STATUS.eq(MemberStatus.ACTIVE.wireName()))
                .and(ROLE.eq(MemberRole.MEMBER.wireName()))
                .execute() == 1;
    }

    /**
     * Makes the user's current member active again in one statement if it is revoked and its organization's
     * reactivation policy is {@code restore}; false otherwise.
     */
    boolean restoreCurrentMember(String userId, OffsetDateTime now) {
        return db.update(MEMBERS)
                .set(STATUS, MemberStatus.ACTIVE.wireName())
                .setNull(REVOKED_AT)
                .setNull(REVOKED_REASON)
                .set(UPDATED_AT, now)
                .where(ID.eq(currentMemberId(userId)))
                .and(STATUS.eq(MemberStatus.REVOKED.wireName()))
                .and(DSL.field(DSL.select(ORGANIZATION_POLICY).from(ORGANIZATIONS)
                                .where(ORGANIZATION_PK.eq(ORGANIZATION_ID)))
                        .eq(ReactivationPolicy.RESTORE.wireName()))
                .execute() == 1;
    }

    /** The id of the user's newest member, probed on the user's index from its end. */
    private Field<String> currentMemberId(String userId) {
        Field<String> latestUserId = DSL.field(DSL.name("latest", USER_ID.getName()), String.class);
        return DSL.field(DSL.select(DSL.field(DSL.name("latest", ID.getName()), String.class))
                .from(MEMBERS.as("latest"))
                .where(latestUserId.eq(userId))
                .orderBy(latestUserId.desc(), DSL.field(DSL.name("latest", SEQ.getName()), Long.class).desc())
                .limit(1));
    }

    /** Revokes the member if it is active; false if it was not. */
    boolean revoke(String id, RevocationReason reason, OffsetDateTime now) {
        return revocation(reason, now)
                .where(ID.eq(id)).and(STATUS.eq(MemberStatus.ACTIVE.wireName()))
                .execute() == 1;
    }

    private UpdateSetMoreStep<Record> revocation(RevocationReason reason, OffsetDateTime now) {
        return db.update(MEMBERS)
                .set(STATUS, MemberStatus.REVOKED.wireName())
                .set(REVOKED_AT, now)
                .set(REVOKED_REASON, reason.wireName())
                .set(UPDATED_AT, now);
    }

    /** Keeps the deleted SCIM user's email and name on each of its members, which can no longer read them. */
    void snapshotProfile(String userId, MemberProfile profile) {
        db.update(MEMBERS)
                .set(EMAIL, profile.email())
                .set(EMAIL_KEY, emailKey(profile.email()))
                .set(NAME, profile.name())
                .where(USER_ID.eq(userId))
                .execute();
    }

    /** Sets the role; an admin only while active. False if there is no such member, or it is revoked. */
    boolean setRole(String organizationId, String id, MemberRole role, OffsetDateTime now) {
        return db.update(MEMBERS)
                .set(ROLE, role.wireName())
                .set(UPDATED_AT, now)
                .where(ID.eq(id)).and(ORGANIZATION_ID.eq(organizationId))
                .and(role == MemberRole.ADMIN ? STATUS.eq(MemberStatus.ACTIVE.wireName()) : DSL.noCondition())
                .execute() == 1;
    }

    /** Whether the organization has an active admin other than {@code memberId}. */
    boolean hasOtherActiveAdmin(String organizationId, String memberId) {
        return db.fetchExists(DSL.selectOne().from(MEMBERS)
                .where(ORGANIZATION_ID.eq(organizationId))
                .and(ROLE.eq(MemberRole.ADMIN.wireName()))
                .and(STATUS.eq(MemberStatus.ACTIVE.wireName()))
                .and(ID.ne(memberId)));
    }

    static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static Condition statusCondition(MemberStatus status) {
        return status == null ? DSL.noCondition() : STATUS.eq(status.wireName());
    }

    private SelectOnConditionStep<Record> select() {
        return db.select(COLUMNS).from(MEMBERS)
                .leftJoin(USERS).on(USER_PK.eq(USER_ID));
    }

    private static StoredMember toStoredMember(Record r) {
        String reason = r.get(REVOKED_REASON);
        return new StoredMember(r.get(ID), r.get(ORGANIZATION_ID), r.get(DIRECTORY_ID), r.get(USER_ID), r.get(SEQ),
                MemberRole.valueOf(r.get(ROLE).toUpperCase(Locale.ROOT)),
                MemberStatus.valueOf(r.get(STATUS).toUpperCase(Locale.ROOT)), r.get(REVOKED_AT),
                reason == null ? null : RevocationReason.valueOf(reason.toUpperCase(Locale.ROOT)), r.get(EMAIL),
                r.get(NAME), r.get(CREATED_AT), r.get(UPDATED_AT), r.get(USER_DOCUMENT));
    }
}
