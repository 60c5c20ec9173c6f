package dev.roster.server.user;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Names of {@code scim_users} and its side tables (emails, page anchors, counts) for jOOQ without codegen. */
final class UserTable {

    static final Table<Record> SCIM_USERS = table(name("scim_users"));
    static final Field<String> ID = field(name("scim_users", "id"), String.class);
    static final Field<String> DIRECTORY_ID = field(name("scim_users", "directory_id"), String.class);
    static final Field<Long> SEQ = field(name("scim_users", "seq"), Long.class);
    static final Field<String> USER_NAME = field(name("scim_users", "user_name"), String.class);
    static final Field<String> USER_NAME_KEY = field(name("scim_users", "user_name_key"), String.class);
    static final Field<String> EXTERNAL_ID = field(name("scim_users", "external_id"), String.class);
    static final Field<Boolean> ACTIVE = field(name("scim_users", "active"), Boolean.class);
    static final Field<String> DISPLAY_NAME_KEY = field(name("scim_users", "display_name_key"), String.class);
    static final Field<String> GIVEN_NAME_KEY = field(name("scim_users", "given_name_key"), String.class);
    static final Field<String> FAMILY_NAME_KEY = field(name("scim_users", "family_name_key"), String.class);
    static final Field<Long> VERSION = field(name("scim_users", "version"), Long.class);
    static final Field<OffsetDateTime> CREATED_AT = field(name("scim_users", "created_at"), OffsetDateTime.class);
    static final Field<OffsetDateTime> LAST_MODIFIED_AT =
            field(name("scim_users", "last_modified_at"), OffsetDateTime.class);
    static final Field<String> DOCUMENT = field(name("scim_users", "document"), String.class);

    static final Table<Record> DIRECTORIES = table(name("directories"));
    static final Field<String> DIRECTORY_PK = field(name("directories", "id"), String.class);
    static final Field<Long> USER_DELETE_EPOCH = field(name("directories", "user_delete_epoch"), Long.class);

    static final Table<Record> PAGE_ANCHORS = table(name("scim_user_page_anchors"));
    static final Field<String> ANCHOR_DIRECTORY_ID =
            field(name("scim_user_page_anchors", "directory_id"), String.class);
    static final Field<Long> ANCHOR_START_INDEX = field(name("scim_user_page_anchors", "start_index"), Long.class);
    static final Field<Long> ANCHOR_AFTER_SEQ = field(name("scim_user_page_anchors", "after_seq"), Long.class);
    static final Field<Long> ANCHOR_DELETE_EPOCH =
            field(name("scim_user_page_anchors", "delete_epoch"), Long.class);

    static final Table<Record> USER_COUNTS = table(name("directory_user_counts"));
    static final Field<String> COUNT_DIRECTORY_ID = field(name("directory_user_counts", "directory_id"), String.class);
    static final Field<Integer> COUNT_SHARD = field(name("directory_user_counts", "shard"), Integer.class);
    static final Field<Long> USER_COUNT = field(name("directory_user_counts", "user_count"), Long.class);

    static final Table<Record> USER_EMAILS = table(name("scim_user_emails"));
    static final Field<String> EMAIL_USER_ID = field(name("scim_user_emails", "user_id"), String.class);
    static final Field<String> EMAIL_VALUE_KEY = field(name("scim_user_emails", "value_key"), String.class);
    static final Field<String> EMAIL_TYPE_KEY = field(name("scim_user_emails", "type_key"), String.class);

    /** The group side of memberships, read to fill each user's read-only {@code groups} attribute. */
    static final Table<Record> GROUP_MEMBERS = table(name("scim_group_members"));
    static final Field<String> GROUP_MEMBER_GROUP_ID = field(name("scim_group_members", "group_id"), String.class);
    static final Field<String> GROUP_MEMBER_USER_ID = field(name("scim_group_members", "user_id"), String.class);
    static final Field<String> GROUP_MEMBER_USER_NAME =
            field(name("scim_group_members", "user_name"), String.class);
    static final Table<Record> GROUPS = table(name("scim_groups"));
    static final Field<String> GROUP_ID = field(name("scim_groups", "id"), String.class);
    static final Field<String> GROUP_DOCUMENT = field(name("scim_groups", "document"), String.class);
    static final Field<Long> GROUP_VERSION = field(name("scim_groups", "version"), Long.class);
    static final Field<OffsetDateTime> GROUP_LAST_MODIFIED_AT =
            field(name("scim_groups", "last_modified_at"), OffsetDateTime.class);

    private UserTable() {
    }
}
