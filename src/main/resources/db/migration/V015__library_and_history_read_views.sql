-- The library's and the history's published read surfaces, and staleness owned by each module.
--
-- Until now smart playlists (playlists/smart) read the library's and the history's tables
-- directly, and V011 put triggers on those tables that wrote into smart_playlist_data: two
-- modules' writes changed a third module's table without their code knowing. From here on:
--   * other modules read the library and the history only through the views below (plain
--     projections naming their columns, like V014's catalog_* views: PostgreSQL inlines them, so
--     plans and index use are those of the tables);
--   * each module keeps a per-user data version of its own, raised by its own writes, published
--     as <module>_versions (user_id, version); a user without a row is at version 0;
--   * smart playlists record the versions they were built at and compare them at each read.
-- No trigger crosses a module any more.

-- ---------------------------------------------------------------------------------------------
-- library (src/main/java/io/refrain/library)

-- The library's per-user data version. Raised by the library's services, in the transaction of
-- every write that changes the user's saved tracks, albums or artists, ratings, loved tracks,
-- tags or tagged tracks (LibraryVersionRepository.bump). Only ever counts up: the row goes only
-- with the account.
create table library_data_versions (
    user_id uuid   primary key references users (id) on delete cascade,
    version bigint not null check (version > 0)
);

create view library_versions as select user_id, version from library_data_versions;

create view library_saved_tracks as select user_id, track_id, saved_at from saved_tracks;

create view library_loved_tracks as select user_id, track_id, loved_at from loved_tracks;

create view library_track_ratings as select user_id, track_id, rating, rated_at from track_ratings;

create view library_album_ratings as select user_id, album_id, rating, rated_at from album_ratings;

create view library_artist_ratings as select user_id, artist_id, rating, rated_at from artist_ratings;

create view library_tags as select user_id, id, name, created_at from tags;

create view library_tagged_tracks as select user_id, tag_id, track_id, tagged_at from tagged_tracks;

-- ---------------------------------------------------------------------------------------------
-- history (src/main/java/io/refrain/history)

-- The history's per-user data version lives on listen_totals, the row every change of a user's
-- statistics writes in the same statement: the listen write path upserts it, a rebuild of the
-- statistics (ListenStatsRebuild, after an undone import) upserts or deletes it. A row trigger
-- on this, the history's own table, gives it a new value on every update, so no write path has
-- to remember it. The values come from a sequence, not from version + 1: a totals row deleted
-- (no listens left) and created again must never come back with a value it had before, so a
-- reader compares versions for equality, never for order.
create sequence listen_totals_version;
alter table listen_totals add column version bigint not null default nextval('listen_totals_version');

create function listen_totals_new_version() returns trigger language plpgsql as $$
begin
    new.version := nextval('listen_totals_version');
    return new;
end $$;
create trigger listen_totals_version before update on listen_totals
    for each row execute function listen_totals_new_version();

create view history_versions as select user_id, version from listen_totals;

create view history_track_stats as
    select user_id, track_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_tracks;

create view history_album_stats as
    select user_id, album_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_albums;

create view history_artist_stats as
    select user_id, artist_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_artists;

-- ---------------------------------------------------------------------------------------------
-- playlists (src/main/java/io/refrain/playlists/smart)

-- A smart playlist is stale when any version it was built at differs from the owner's current
-- one: refreshed_version (smart_playlist_data, now raised only by the playlists module's own
-- playlist_entries triggers of V011), and the library's and the history's published versions.
alter table smart_playlists
    add column refreshed_library_version bigint,
    add column refreshed_history_version bigint;

-- Memberships built so far were tracked by the V011 counter up to this point (a stale one stays
-- behind smart_playlist_data.version); from here on they start from the versions of now.
update smart_playlists s set
    refreshed_library_version = 0,
    refreshed_history_version = coalesce((select h.version from history_versions h where h.user_id = s.user_id), 0)
where s.refreshed_version is not null;

-- The V011 triggers on other modules' tables go; those on playlist_entries (this module's) stay.
do $$
declare
    t text;
    e text;
begin
    foreach t in array array['saved_tracks', 'loved_tracks', 'track_ratings', 'album_ratings', 'artist_ratings',
                             'tags', 'tagged_tracks', 'listen_stats_tracks', 'listen_stats_albums', 'listen_stats_artists'] loop
        foreach e in array array['insert', 'update', 'delete'] loop
            execute format('drop trigger %I on %I', t || '_smart_' || e, t);
        end loop;
    end loop;
end $$;

comment on table smart_playlist_data is
    'Per-user version of the playlists module''s own data that smart rules read (playlist_entries, raised by its V011 triggers).';
