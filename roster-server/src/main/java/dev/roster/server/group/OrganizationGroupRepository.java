package dev.roster.server.group;

import static dev.roster.server.group.GroupTable.CREATED_AT;
import static dev.roster.server.group.GroupTable.DIRECTORIES;
import static dev.roster.server.group.GroupTable.DIRECTORY_ID;
import static dev.roster.server.group.GroupTable.DIRECTORY_ORGANIZATION_ID;
import static dev.roster.server.group.GroupTable.DIRECTORY_PK;
import static dev.roster.server.group.GroupTable.DOCUMENT;
import static dev.roster.server.group.GroupTable.EXTERNAL_ID;
import static dev.roster.server.group.GroupTable.ID;
import static dev.roster.server.group.GroupTable.LAST_MODIFIED_AT;
import static dev.roster.server.group.GroupTable.MEMBERS;
import static dev.roster.server.group.GroupTable.MEMBER_GROUP_ID;
import static dev.roster.server.group.GroupTable.MEMBER_USER_ID;
import static dev.roster.server.group.GroupTable.SCIM_GROUPS;
import static dev.roster.server.group.GroupTable.SEQ;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record8;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The groups of all an organization's directories, read for the management API. */
@Component
class OrganizationGroupRepository {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** The group's member count: a range of the membership primary key, which leads with group_id. */
    private static final Field<Integer> MEMBER_COUNT = DSL.field(DSL.selectCount().from(MEMBERS)
            .where(MEMBER_GROUP_ID.eq(ID)));

    /** A row of this with its seq, the listing's cursor. */
    record Row(OrganizationGroup group, long seq) {
    }

    private final DSLContext db;

    OrganizationGroupRepository(DSLContext db) {
        this.db = db;
    }

    /** Groups in creation order after {@code afterSeq}. */
    List<Row> page(String organizationId, long afterSeq, int limit) {
        return select(organizationId, SEQ.gt(afterSeq)).orderBy(SEQ).limit(limit)
                .fetch(OrganizationGroupRepository::toRow);
    }

    Optional<OrganizationGroup> find(String organizationId, String groupId) {
        return select(organizationId, ID.eq(groupId)).fetchOptional(OrganizationGroupRepository::toRow)
                .map(Row::group);
    }

    /** Member user ids of the group after {@code afterUserId}, in the order of its membership primary key. */
    List<String> memberUserIds(String groupId, String afterUserId, int limit) {
        return db.select(MEMBER_USER_ID).from(MEMBERS)
                .where(MEMBER_GROUP_ID.eq(groupId))
                .and(afterUserId == null ? DSL.noCondition() : MEMBER_USER_ID.gt(afterUserId))
                .orderBy(MEMBER_GROUP_ID, MEMBER_USER_ID)
                .limit(limit)
                .fetch(MEMBER_USER_ID);
    }

    private SelectConditionStep<Record8<String, String, Long, String, String, OffsetDateTime,
            OffsetDateTime, Integer>> select(String organizationId, Condition condition) {
        return db.select(ID, DIRECTORY_ID, SEQ, DOCUMENT, EXTERNAL_ID, CREATED_AT, LAST_MODIFIED_AT, MEMBER_COUNT)
                .from(SCIM_GROUPS)
                .where(DIRECTORY_ID.in(DSL.select(DIRECTORY_PK).from(DIRECTORIES)
                        .where(DIRECTORY_ORGANIZATION_ID.eq(organizationId))))
                .and(condition);
    }

    private static Row toRow(Record8<String, String, Long, String, String, OffsetDateTime, OffsetDateTime,
            Integer> r) {
        String displayName = JSON.readTree(r.value4()).path("displayName").asString(null);
        return new Row(new OrganizationGroup(r.value1(), r.value2(), displayName, r.value5(), r.value8(),
                r.value6(), r.value7()), r.value3());
    }
}
