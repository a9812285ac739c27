-- Recent searches: per user, the last 20 distinct queries (by normalised form).
create table recent_searches (
    user_id     uuid        not null references users (id) on delete cascade,
    query_key   text        not null check (length(query_key) between 1 and 200),
    query       text        not null check (length(query) between 1 and 200),
    searched_at timestamptz not null,
    primary key (user_id, query_key)
);
create index recent_searches_recent on recent_searches (user_id, searched_at desc);
