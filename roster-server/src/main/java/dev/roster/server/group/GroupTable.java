package dev.roster.server.group;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Names of {@code scim_groups}, {@code scim_group_members} and the tables they join, for jOOQ without codegen. */
final class GroupTable {

    static final Table<Record> SCIM_GROUPS = table(name("scim_groups"));
    static final Field<String> ID = field(name("scim_groups", "id"), String.class);
    static final Field<String> DIRECTORY_ID = field(name("scim_groups", "directory_id"), String.class);
    static final Field<Long> SEQ = field(name("scim_groups", "seq"), Long.class);
    static final Field<String> DISPLAY_NAME_KEY = field(name("scim_groups", "display_name_key"), String.class);
    static final Field<String> EXTERNAL_ID = field(name("scim_groups", "external_id"), String.class);
    static final Field<Long> VERSION = field(name("scim_groups", "version"), Long.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("scim_groups", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> LAST_MODIFIED_AT =
            field(name("scim_groups", "last_modified_at"), OffsetDateTime.class);
    static final Field<String> DOCUMENT = field(name("scim_groups", "document"), String.class);

    static final Table<Record> MEMBERS = table(name("scim_group_members"));
    static final Field<String> MEMBER_GROUP_ID = field(name("scim_group_members", "group_id"), String.class);
    static final Field<String> MEMBER_USER_ID = field(name("scim_group_members", "user_id"), String.class);
    static final Field<String> MEMBER_USER_NAME = field(name("scim_group_members", "user_name"), String.class);

    static final Table<Record> USERS = table(name("scim_users"));
    static final Field<String> USER_ID = field(name("scim_users", "id"), String.class);
    static final Field<String> USER_DIRECTORY_ID = field(name("scim_users", "directory_id"), String.class);
    static final Field<String> USER_NAME = field(name("scim_users", "user_name"), String.class);

    static final Table<Record> DIRECTORIES = table(name("directories"));
    static final Field<String> DIRECTORY_PK = field(name("directories", "id"), String.class);
    static final Field<String> DIRECTORY_ORGANIZATION_ID =
            field(name("directories", "organization_id"), String.class);

    private GroupTable() {
    }
}
