-- each user's email addresses, lower-cased, so lookups such as emails[type eq "work"].value eq "…"
-- (Okta's and Entra's match-by-email) are index lookups instead of a scan of the directory; the users
-- query keeps its own directory condition, so the value index needs no directory column
create table scim_user_emails (
    user_id    varchar(40)   not null references scim_users (id) on delete cascade,
    value_key  varchar(1024) not null,
    type_key   varchar(255)
);
create index scim_user_emails_by_value on scim_user_emails (value_key);
create index scim_user_emails_by_user on scim_user_emails (user_id);
