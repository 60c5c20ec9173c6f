-- Custom user attributes an organization defines (the system attributes are constants in code, not rows).
-- reference is the key IdPs use (Okta's "Variable name"): unique per organization, free again once deleted.
create table attribute_definitions (
    id               varchar(40)              primary key,
    organization_id  varchar(40)              not null references organizations (id),
    reference        varchar(64)              not null,
    name             varchar(255)             not null,
    type             varchar(20)              not null,
    -- the allowed values as a JSON array, or null when any value of the type is allowed
    allowed_values   varchar,
    multi_valued     boolean                  not null,
    description      varchar(1024),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create unique index attribute_definitions_reference on attribute_definitions (organization_id, reference);
