-- totalResults of an unfiltered listing without counting rows: each directory's user count, split over
-- shards so that concurrent creates add to different rows instead of queueing on one
create table directory_user_counts (
    directory_id  varchar(40) not null references directories (id),
    shard         integer     not null,
    user_count    bigint      not null,
    primary key (directory_id, shard)
);

insert into directory_user_counts (directory_id, shard, user_count)
select directory_id, 0, count(*) from scim_users group by directory_id;
