-- Playlists: ordered tracks with gapped positions, versions, collaborators, follows, votes,
-- an activity feed and per-user folders. Every user-owned table leads its key with user_id.

create table playlists (
    user_id     uuid        not null references users (id) on delete cascade,  -- the owner
    id          uuid        not null unique,
    name        text        not null check (length(name) between 1 and 200),
    description text        not null default '' check (length(description) <= 2000),
    cover_url   text        check (length(cover_url) <= 2048 and cover_url ~ '^https?://'),
    public      boolean     not null default false,
    version     bigint      not null default 1 check (version > 0),
    track_count integer     not null default 0 check (track_count >= 0),  -- kept by the triggers below
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (user_id, id)
);
-- "a user's public playlists" and "my playlists", newest first
create index playlists_owner_recent on playlists (user_id, created_at desc, id desc);

-- An entry is one occurrence of a track in a playlist (a track may occur more than once).
-- Entries are ordered by position: gapped bigints (2^20 apart when appended or rebalanced), so an
-- insert or move writes only the rows it places (plus, rarely, a rebalanced neighbourhood).
-- user_id is the playlist owner's id (the tenant of the playlist). The unique position key is
-- checked at the end of each statement, so one UPDATE may shift a neighbourhood.
create table playlist_entries (
    id          bigint      generated always as identity primary key,
    user_id     uuid        not null,
    playlist_id uuid        not null,
    position    bigint      not null check (position > 0),
    track_id    bigint      not null references tracks (id) on delete cascade,
    added_by    uuid        references users (id) on delete set null,
    added_at    timestamptz not null,
    foreign key (user_id, playlist_id) references playlists (user_id, id) on delete cascade,
    constraint playlist_entries_position unique (user_id, playlist_id, position) deferrable initially immediate
);
-- the catalog's "is this track used?" check
create index playlist_entries_track on playlist_entries (track_id);

-- playlists.track_count follows every insert and delete of entries in the same statement,
-- including deletes cascading from the catalog (a track deleted by an administrator).
create function playlists_count_entries() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update playlists p set track_count = p.track_count + n.entries
        from (select user_id, playlist_id, count(*) as entries from new_entries group by user_id, playlist_id) n
        where p.user_id = n.user_id and p.id = n.playlist_id;
    else
        update playlists p set track_count = p.track_count - o.entries
        from (select user_id, playlist_id, count(*) as entries from old_entries group by user_id, playlist_id) o
        where p.user_id = o.user_id and p.id = o.playlist_id;
    end if;
    return null;
end $$;
create trigger playlist_entries_inserted after insert on playlist_entries
    referencing new table as new_entries for each statement execute function playlists_count_entries();
create trigger playlist_entries_deleted after delete on playlist_entries
    referencing old table as old_entries for each statement execute function playlists_count_entries();

-- Collaborators of a playlist (user_id = the collaborator). The owner is not listed here.
create table playlist_collaborators (
    user_id     uuid        not null references users (id) on delete cascade,
    playlist_id uuid        not null references playlists (id) on delete cascade,
    role        text        not null check (role in ('viewer', 'editor')),
    added_at    timestamptz not null,
    primary key (user_id, playlist_id)
);
create index playlist_collaborators_playlist on playlist_collaborators (playlist_id, user_id);

create table playlist_follows (
    user_id     uuid        not null references users (id) on delete cascade,
    playlist_id uuid        not null references playlists (id) on delete cascade,
    followed_at timestamptz not null,
    primary key (user_id, playlist_id)
);
create index playlist_follows_recent on playlist_follows (user_id, followed_at desc, playlist_id);
create index playlist_follows_playlist on playlist_follows (playlist_id);

-- One vote per user and entry (user_id = the voter), changeable; removing the entry removes its votes.
create table playlist_votes (
    user_id     uuid        not null references users (id) on delete cascade,
    entry_id    bigint      not null references playlist_entries (id) on delete cascade,
    playlist_id uuid        not null references playlists (id) on delete cascade,
    vote        smallint    not null check (vote in (-1, 1)),
    voted_at    timestamptz not null,
    primary key (user_id, entry_id)
);
create index playlist_votes_playlist on playlist_votes (playlist_id, entry_id);

-- Who added, removed or moved what, and when. user_id is the playlist owner (the feed goes with
-- the playlist); actor_id is who did it (kept as null when that account is deleted).
-- detail is an opaque payload for display (track ids, positions, counts).
create table playlist_activity (
    id          bigint      generated always as identity primary key,
    user_id     uuid        not null,
    playlist_id uuid        not null,
    actor_id    uuid        references users (id) on delete set null,
    action      text        not null check (action in ('created', 'updated', 'added', 'removed', 'moved')),
    version     bigint      not null check (version > 0),
    detail      jsonb       not null default '{}',
    at          timestamptz not null,
    foreign key (user_id, playlist_id) references playlists (user_id, id) on delete cascade
);
create index playlist_activity_feed on playlist_activity (user_id, playlist_id, id desc);

-- Folders are private to their owner and nest; a null parent is the top level.
create table playlist_folders (
    user_id    uuid        not null references users (id) on delete cascade,
    id         uuid        not null,
    parent_id  uuid,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null,
    primary key (user_id, id),
    foreign key (user_id, parent_id) references playlist_folders (user_id, id) on delete cascade,
    check (parent_id is null or parent_id <> id)
);
create index playlist_folders_parent on playlist_folders (user_id, parent_id, name, id);

-- Where a user files a playlist (one they own, collaborate on or follow): at most one folder each.
create table playlist_placements (
    user_id     uuid        not null,
    playlist_id uuid        not null references playlists (id) on delete cascade,
    folder_id   uuid        not null,
    primary key (user_id, playlist_id),
    foreign key (user_id, folder_id) references playlist_folders (user_id, id) on delete cascade
);
create index playlist_placements_folder on playlist_placements (user_id, folder_id, playlist_id);
