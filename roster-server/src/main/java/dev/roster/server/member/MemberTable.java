package dev.roster.server.member;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Names of {@code organization_members} and of the SCIM user tables its reads join, for jOOQ without codegen. */
final class MemberTable {

    static final Table<Record> MEMBERS = table(name("organization_members"));
    static final Field<String> ID = field(name("organization_members", "id"), String.class);
    static final Field<String> ORGANIZATION_ID = field(name("organization_members", "organization_id"), String.class);
    static final Field<String> DIRECTORY_ID = field(name("organization_members", "directory_id"), String.class);
    static final Field<String> USER_ID = field(name("organization_members", "user_id"), String.class);
    static final Field<Long> SEQ = field(name("organization_members", "seq"), Long.class);
    static final Field<String> ROLE = field(name("organization_members", "role"), String.class);
    static final Field<String> STATUS = field(name("organization_members", "status"), String.class);
    static final Field<OffsetDateTime> REVOKED_AT =
            field(name("organization_members", "revoked_at"), OffsetDateTime.class);
    static final Field<String> REVOKED_REASON = field(name("organization_members", "revoked_reason"), String.class);
    static final Field<String> EMAIL = field(name("organization_members", "email"), String.class);
    static final Field<String> EMAIL_KEY = field(name("organization_members", "email_key"), String.class);
    static final Field<String> NAME = field(name("organization_members", "name"), String.class);
    static final Field<OffsetDateTime> CREATED_AT =
            field(name("organization_members", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> UPDATED_AT =
            field(name("organization_members", "updated_at"), OffsetDateTime.class);

    static final Table<Record> ORGANIZATIONS = table(name("organizations"));
    static final Field<String> ORGANIZATION_PK = field(name("organizations", "id"), String.class);
    static final Field<String> ORGANIZATION_POLICY =
            field(name("organizations", "reactivation_policy"), String.class);

    static final Table<Record> USERS = table(name("scim_users"));
    static final Field<String> USER_PK = field(name("scim_users", "id"), String.class);
    static final Field<String> USER_DIRECTORY_ID = field(name("scim_users", "directory_id"), String.class);
    static final Field<String> USER_NAME_KEY = field(name("scim_users", "user_name_key"), String.class);
    static final Field<String> USER_DOCUMENT = field(name("scim_users", "document"), String.class);

    static final Table<Record> USER_EMAILS = table(name("scim_user_emails"));
    static final Field<String> USER_EMAIL_USER_ID = field(name("scim_user_emails", "user_id"), String.class);
    static final Field<String> USER_EMAIL_VALUE_KEY = field(name("scim_user_emails", "value_key"), String.class);

    static final Table<Record> DIRECTORIES = table(name("directories"));
    static final Field<String> DIRECTORY_PK = field(name("directories", "id"), String.class);
    static final Field<String> DIRECTORY_ORGANIZATION_ID =
            field(name("directories", "organization_id"), String.class);

    private MemberTable() {
    }
}
