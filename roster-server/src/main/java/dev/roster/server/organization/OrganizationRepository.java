package dev.roster.server.organization;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import dev.roster.server.common.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

@Component
public class OrganizationRepository {

    private static final Table<Record> ORGANIZATIONS = table(name("organizations"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> REACTIVATION_POLICY = field(name("reactivation_policy"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext db;

    OrganizationRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Organization organization) {
        db.insertInto(ORGANIZATIONS).columns(ID, NAME, REACTIVATION_POLICY, CREATED_AT)
                .values(organization.id(), organization.name(), organization.reactivationPolicy().wireName(),
                        organization.createdAt())
                .execute();
    }

    public Optional<Organization> find(String id) {
        return select().where(ID.eq(id)).fetchOptional(OrganizationRepository::toOrganization);
    }

    /** The organization, or a management API 404. */
    public Organization require(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("organization", id));
    }

    /**
     * Locks the organization's row until the transaction ends: whoever revokes an admin or makes a member by
     * hand holds it, so two revocations cannot both count the other's admin as the one that remains, and two
     * members made by hand cannot both take one email.
     */
    public void lock(String id) {
        db.select(ID).from(ORGANIZATIONS).where(ID.eq(id)).forUpdate().fetch();
    }

    /** Organizations in id order after {@code afterId} (null for the first page). */
    List<Organization> list(String afterId, int limit) {
        return select()
                .where(afterId == null ? noCondition() : ID.gt(afterId))
                .orderBy(ID)
                .limit(limit)
                .fetch(OrganizationRepository::toOrganization);
    }

    void update(Organization organization) {
        db.update(ORGANIZATIONS)
                .set(NAME, organization.name())
                .set(REACTIVATION_POLICY, organization.reactivationPolicy().wireName())
                .where(ID.eq(organization.id()))
                .execute();
    }

    private SelectJoinStep<Record4<String, String, String, OffsetDateTime>> select() {
        return db.select(ID, NAME, REACTIVATION_POLICY, CREATED_AT).from(ORGANIZATIONS);
    }

    private static Organization toOrganization(Record4<String, String, String, OffsetDateTime> r) {
        return new Organization(r.value1(), r.value2(), ReactivationPolicy.fromWireName(r.value3()), r.value4());
    }
}
