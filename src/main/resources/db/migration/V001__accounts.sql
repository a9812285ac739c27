-- Accounts: users, roles, settings, one-time codes, login sessions and their refresh tokens.
-- Every user-owned table leads its key with user_id (the tenant and future shard key).

create extension if not exists citext;

create table users (
    id                uuid        primary key default gen_random_uuid(),
    email             citext      not null unique
                                  check (length(email) between 3 and 254 and position('@' in email) > 1),
    password_hash     text        not null,
    display_name      text        not null check (length(display_name) between 1 and 100),
    bio               text        not null default '' check (length(bio) <= 1000),
    avatar_url        text        check (length(avatar_url) <= 2048 and avatar_url ~ '^https?://'),
    email_verified_at timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

-- Roles are rows so that later features (timed roles) can grant them with an expiry.
-- granted_by tells a role set by configuration (REFRAIN_ADMIN_EMAILS) from one granted by hand.
create table user_roles (
    user_id    uuid        not null references users (id) on delete cascade,
    role       text        not null check (role in ('user', 'admin')),
    granted_by text        not null check (granted_by in ('signup', 'config', 'admin', 'timer')),
    granted_at timestamptz not null,
    expires_at timestamptz,
    primary key (user_id, role)
);

create table user_settings (
    user_id           uuid        primary key references users (id) on delete cascade,
    language          text        not null default 'en' check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    theme             text        not null default 'system' check (theme in ('system', 'light', 'dark')),
    explicit_content  text        not null default 'allow' check (explicit_content in ('allow', 'warn', 'block')),
    audio_quality     text        not null default 'high' check (audio_quality in ('low', 'normal', 'high', 'lossless')),
    private_session   boolean     not null default false,
    autoplay          boolean     not null default true,
    crossfade_seconds smallint    not null default 0 check (crossfade_seconds between 0 and 12),
    normalize_volume  boolean     not null default true,
    timezone          text        not null default 'UTC' check (length(timezone) between 1 and 64),
    updated_at        timestamptz not null
);

-- At most one live code per user and purpose; a new code replaces the old one.
-- Codes are stored as an HMAC, never in clear.
create table one_time_codes (
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('verify_email', 'login')),
    code_hash  bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    attempts   smallint    not null default 0 check (attempts >= 0),
    primary key (user_id, purpose)
);
create index one_time_codes_expiry on one_time_codes (expires_at);

-- A login session is one refresh-token family: rotating a token keeps the session,
-- presenting a rotated token again revokes the whole session.
create table auth_sessions (
    user_id           uuid        not null references users (id) on delete cascade,
    id                uuid        not null,
    created_at        timestamptz not null,
    last_refreshed_at timestamptz not null,
    expires_at        timestamptz not null,
    revoked_at        timestamptz,
    revoke_reason     text        check (revoke_reason in ('logout', 'reuse')),
    primary key (user_id, id),
    check ((revoked_at is null) = (revoke_reason is null))
);
create index auth_sessions_expiry on auth_sessions (expires_at);

create table refresh_tokens (
    user_id    uuid        not null,
    token_hash bytea       not null,
    session_id uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz,
    primary key (user_id, token_hash),
    foreign key (user_id, session_id) references auth_sessions (user_id, id) on delete cascade
);
create index refresh_tokens_session on refresh_tokens (user_id, session_id);
