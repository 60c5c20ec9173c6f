package dev.roster.server.member;

import static dev.roster.server.member.MemberTable.CREATED_AT;
import static dev.roster.server.member.MemberTable.DIRECTORIES;
import static dev.roster.server.member.MemberTable.DIRECTORY_ID;
import static dev.roster.server.member.MemberTable.DIRECTORY_ORGANIZATION_ID;
import static dev.roster.server.member.MemberTable.DIRECTORY_PK;
import static dev.roster.server.member.MemberTable.ID;
import static dev.roster.server.member.MemberTable.MEMBERS;
import static dev.roster.server.member.MemberTable.ORGANIZATION_ID;
import static dev.roster.server.member.MemberTable.REVOKED_AT;
import static dev.roster.server.member.MemberTable.REVOKED_REASON;
import static dev.roster.server.member.MemberTable.ROLE;
import static dev.roster.server.member.MemberTable.STATUS;
import static dev.roster.server.member.MemberTable.UPDATED_AT;
import static dev.roster.server.member.MemberTable.USER_ID;

import dev.roster.server.common.Ids;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertResultStep;
import org.jooq.InsertReturningStep;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * The member a SCIM user gets: role {@code member}, in the organization of the user's directory, revoked at once
 * when the user is created inactive. A SCIM create inserts it with the user, in the same statement or
 * transaction, so a user never exists without its member: the {@code member.created} event belongs beside
 * that insert.
 */
public record NewScimMember(String id, String directoryId, String userId, boolean active, OffsetDateTime now) {

    /** How many bind markers {@link #insert} has; {@link #bind} sets them in order. */
    public static final int BIND_VALUES = 8;

    public static NewScimMember of(String directoryId, String userId, boolean active, OffsetDateTime now) {
        return new NewScimMember(Ids.newId("mem"), directoryId, userId, active, now);
    }

    /** The insert with bind markers, to render once and run with {@link #bind}. */
    public static InsertReturningStep<Record> insert(DSLContext db) {
        return db.insertInto(MEMBERS, ID, ORGANIZATION_ID, DIRECTORY_ID, USER_ID, ROLE, STATUS, REVOKED_AT,
                        REVOKED_REASON, CREATED_AT, UPDATED_AT)
                .select(DSL.select(bind(ID), DIRECTORY_ORGANIZATION_ID, DIRECTORY_PK, bind(USER_ID),
                                DSL.inline(MemberRole.MEMBER.wireName()), bind(STATUS), bind(REVOKED_AT),
                                bind(REVOKED_REASON), bind(CREATED_AT), bind(UPDATED_AT))
                        .from(DIRECTORIES)
                        .where(DIRECTORY_PK.eq(bind(DIRECTORY_PK))));
    }

    /** {@link #insert} returning the member's id, as a data-modifying CTE must. */
    public static InsertResultStep<Record1<String>> insertReturningId(DSLContext db) {
        return insert(db).returningResult(ID);
    }

    public void bind(PreparedStatement statement, int first) throws SQLException {
        statement.setString(first, id);
        statement.setString(first + 1, userId);
        statement.setString(first + 2, (active ? MemberStatus.ACTIVE : MemberStatus.REVOKED).wireName());
        statement.setObject(first + 3, active ? null : now, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(first + 4, active ? null : RevocationReason.DEACTIVATED.wireName());
        statement.setObject(first + 5, now, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(first + 6, now, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(first + 7, directoryId);
    }

    private static <T> Param<T> bind(Field<T> field) {
        return DSL.param(field.getName(), field.getType());
    }
}
