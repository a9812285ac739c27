-- Timed roles (the timers module) and the notifications that tell people about them.

-- One timer per (user, role, scope): a role held until ends_at, or paused with what was left.
-- A role authorises while ends_at is in the future; the sweep removes rows that ran out. Global
-- roles have the empty scope; a party's dj has scope 'party:<id>'.
create table role_timers (
    user_id         uuid        not null references users (id) on delete cascade,
    role            text        not null check (role in ('curator', 'moderator', 'supporter', 'dj')),
    scope           text        not null default '' check (length(scope) <= 100),
    -- running: when it runs out (null while paused)
    ends_at         timestamptz,
    -- paused: the milliseconds left (null while running)
    paused_left_ms  bigint      check (paused_left_ms > 0),
    -- the moment of the next warning still to send; null when none is left, or while paused
    next_warning_at timestamptz,
    granted_at      timestamptz not null,
    -- who granted it first (null once that account is gone)
    granted_by      uuid        references users (id) on delete set null,
    updated_at      timestamptz not null,
    primary key (user_id, role, scope),
    check ((ends_at is null) <> (paused_left_ms is null)),
    check ((role = 'dj') = (scope <> ''))
);
-- the sweep's two access paths: running timers by when they run out, and by their next warning
create index role_timers_ending on role_timers (ends_at) where ends_at is not null;
create index role_timers_warning on role_timers (next_warning_at) where next_warning_at is not null;

-- The audit trail: every grant, extension, pause, resume, revoke, warning and expiry, with who did
-- it (actor_id null: the sweep) and the timer's state after it. user_id has no foreign key on
-- purpose: the check locks the user's row for every event and was 40 % of a sweep's cost; the
-- module deletes a user's events when the account goes (AccountDeleted, in the same transaction).
create table role_events (
    id         bigint      generated always as identity primary key,
    user_id    uuid        not null,
    role       text        not null,
    scope      text        not null,
    action     text        not null
               check (action in ('grant', 'extend', 'pause', 'resume', 'revoke', 'warn', 'expire')),
    actor_id   uuid        references users (id) on delete set null,
    at         timestamptz not null,
    ends_at    timestamptz,
    left_ms    bigint
);
create index role_events_user on role_events (user_id, id);

-- The earliest warning moment still ahead: ends_at minus the largest offset that does not lie in
-- the past at `now`. Offsets in seconds. Null when every warning moment has passed.
create function timers_next_warning(ends_at timestamptz, now timestamptz, offsets_s bigint[])
    returns timestamptz language sql immutable parallel safe as $$
    select min(ends_at - make_interval(secs => o)) from unnest(offsets_s) o
    where ends_at - make_interval(secs => o) > now
$$;

-- In-app notifications; each may also go out by e-mail (mailed_at when handed to the mailer).
-- No foreign key on user_id, as for role_events: the module deletes them with the account.
create table notifications (
    id         bigint      generated always as identity primary key,
    user_id    uuid        not null,
    kind       text        not null check (length(kind) between 1 and 64),
    title      text        not null check (length(title) between 1 and 200),
    body       text        not null check (length(body) <= 2000),
    data       jsonb       not null default '{}',
    created_at timestamptz not null,
    read_at    timestamptz,
    mailed_at  timestamptz
);
-- a user's list, all or unread (filtered on the way: a user has hundreds, not millions); one index
-- only, so a sweep telling thousands of people at once writes little
create index notifications_user on notifications (user_id, id desc);

-- A user's signed webhook: every notification is also POSTed there, signed with the secret.
create table notification_webhooks (
    user_id              uuid        primary key references users (id) on delete cascade,
    url                  text        not null check (length(url) <= 2048 and url ~ '^https?://'),
    secret               text        not null,
    created_at           timestamptz not null,
    consecutive_failures integer     not null default 0,
    disabled_at          timestamptz,
    last_error           text        check (length(last_error) <= 500)
);

-- One delivery per notification to a webhook: attempts with backoff until delivered or given up.
-- next_attempt_at is also the lease: a sender moves it ahead before sending, so no two servers send
-- the same delivery at once.
create table webhook_deliveries (
    notification_id bigint      primary key references notifications (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_status     integer,
    last_error      text        check (length(last_error) <= 500)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where next_attempt_at is not null;
