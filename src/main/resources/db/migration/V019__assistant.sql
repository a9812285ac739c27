-- The assistant (MCP) module, and the scopes of the accounts' API tokens it authenticates with.

-- accounts: what a token may be used for. Every token made before this is a scrobbler's, so the
-- default keeps them exactly what they were; assistant tokens carry mcp:read (and mcp:write).
alter table api_tokens
    add column scopes text[] not null default '{listenbrainz}'
        check (cardinality(scopes) between 1 and 3
               and scopes <@ array['listenbrainz', 'mcp:read', 'mcp:write']::text[]);

-- A taste conversation: the questions the server asked, the answers, and the partial profile it
-- folded them into. Idle ones expire (expires_at moves on with each answer, up to a lifetime);
-- completed ones stay in the user's history.
create table assistant_conversations (
    user_id          uuid        not null references users (id) on delete cascade,
    id               uuid        not null,
    client           text        not null check (length(client) between 1 and 200),
    -- the partial profile: targets per dimension with how sure each is, genres and artists
    sketch           jsonb       not null,
    -- [{id, topic, text, options}] in the order asked
    questions        jsonb       not null,
    -- [{questionId, optionIds, text, values, at}] in the order given
    answers          jsonb       not null,
    confidence       smallint    not null check (confidence between 0 and 100),
    -- what the assistant chose to remember (free text it sent with its answers), newest last
    notes            jsonb       not null default '[]',
    profile_code     text        check (length(profile_code) = 37),
    created_at       timestamptz not null,
    last_activity_at timestamptz not null,
    expires_at       timestamptz not null,
    completed_at     timestamptz,
    primary key (user_id, id)
);
create index assistant_conversations_recent on assistant_conversations (user_id, created_at desc);
-- the hourly cleanup: open conversations past their expiry, found without a scan
create index assistant_conversations_expiry on assistant_conversations (expires_at) where completed_at is null;

-- The audit trail: every tool call with who, which client, what and how it went.
create table assistant_tool_calls (
    user_id     uuid        not null references users (id) on delete cascade,
    id          bigint      generated always as identity,
    client_id   text        not null check (length(client_id) between 1 and 200),
    client_name text        not null check (length(client_name) between 1 and 200),
    tool        text        not null check (length(tool) between 1 and 64),
    -- a summary of the arguments (ids and short values; long text cut), never a token
    arguments   text        not null check (length(arguments) <= 600),
    outcome     text        not null check (outcome in ('ok', 'error', 'limited', 'replayed')),
    message     text        check (length(message) <= 600),
    duration_ms integer     not null check (duration_ms >= 0),
    called_at   timestamptz not null,
    primary key (user_id, id)
);
create index assistant_tool_calls_recent on assistant_tool_calls (user_id, called_at desc, id desc);
-- the retention cleanup deletes by age across users
create index assistant_tool_calls_age on assistant_tool_calls (called_at);

-- Results of write tools by the client's request id, so a retried call answers what the first
-- one did instead of doing it twice.
create table assistant_requests (
    user_id    uuid        not null references users (id) on delete cascade,
    tool       text        not null check (length(tool) between 1 and 64),
    request_id text        not null check (length(request_id) between 1 and 100),
    result     jsonb       not null,
    created_at timestamptz not null,
    primary key (user_id, tool, request_id)
);
create index assistant_requests_age on assistant_requests (created_at);
