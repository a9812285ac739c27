-- Smart playlists: a rule tree (the rule language of SmartRules, stored as its canonical JSON),
-- the materialised membership it last produced, and a per-user data version that tells when
-- that membership may be out of date.

create table smart_playlists (
    user_id           uuid        not null references users (id) on delete cascade,  -- the owner
    id                uuid        not null unique,
    name              text        not null check (length(name) between 1 and 200),
    description       text        not null default '' check (length(description) <= 2000),
    rules             jsonb       not null,                  -- opaque here: validated by the application
    track_count       integer     not null default 0 check (track_count >= 0),
    refreshed_version bigint,                                -- the user's data version the membership was built at
    refreshed_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    primary key (user_id, id)
);
create index smart_playlists_owner_recent on smart_playlists (user_id, created_at desc, id desc);

-- The membership in order: rebuilt as a whole by a refresh, read by position.
create table smart_playlist_tracks (
    user_id     uuid    not null,
    playlist_id uuid    not null,
    position    integer not null check (position >= 0),
    track_id    bigint  not null references tracks (id) on delete cascade,
    primary key (user_id, playlist_id, position),
    foreign key (user_id, playlist_id) references smart_playlists (user_id, id) on delete cascade
);
create index smart_playlist_tracks_track on smart_playlist_tracks (track_id);

-- A counter per user that every write of data rules can read (library, ratings, tags and their names, plays,
-- playlist entries)
-- raises, in the same statement, through the triggers below. Only users owning a smart playlist
-- have a row, so the triggers cost nothing for everyone else; a smart playlist whose
-- refreshed_version is behind is stale. A counter (not a flag) so that a write committed while a
-- refresh runs is never lost: the refresh records the version it read before evaluating.
create table smart_playlist_data (
    user_id uuid   primary key references users (id) on delete cascade,
    version bigint not null default 1 check (version > 0)
);

create function smart_playlist_data_changed() returns trigger language plpgsql as $$
begin
    update smart_playlist_data d set version = d.version + 1
    where d.user_id in (select distinct c.user_id from changed c);
    return null;
end $$;

-- Statement-level with transition tables (one per event, as PostgreSQL requires): a batch of
-- listens raises each user's counter once, not once per row.
do $$
declare
    t text;
    e text;
begin
    foreach t in array array['saved_tracks', 'loved_tracks', 'track_ratings', 'album_ratings', 'artist_ratings',
                             'tags', 'tagged_tracks', 'playlist_entries', 'listen_stats_tracks', 'listen_stats_albums', 'listen_stats_artists'] loop
        foreach e in array array['insert', 'update', 'delete'] loop
            execute format('create trigger %I after %s on %I referencing %s table as changed '
                           'for each statement execute function smart_playlist_data_changed()',
                           t || '_smart_' || e, e, t, case e when 'delete' then 'old' else 'new' end);
        end loop;
    end loop;
end $$;
