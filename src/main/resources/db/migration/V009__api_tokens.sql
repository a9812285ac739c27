-- Per-user API tokens, used by scrobblers on the ListenBrainz-compatible API (/1/...).
-- Only a SHA-256 hash of each token is kept: tokens are 122 random bits, so a plain hash is
-- as good as a slow one and lets a request find its token with one index lookup.
create table api_tokens (
    user_id      uuid        not null references users (id) on delete cascade,
    id           uuid        not null,
    token_hash   bytea       not null check (length(token_hash) = 32),
    name         text        not null check (length(name) between 1 and 100),
    -- the token's first characters, so a user can tell tokens apart in the list
    prefix       text        not null check (length(prefix) between 1 and 16),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    primary key (user_id, id)
);
-- the lookup of every /1/ request: by token alone, since the token is all the client sends
create unique index api_tokens_hash on api_tokens (token_hash);
