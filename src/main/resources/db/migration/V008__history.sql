-- Listening history: the listens themselves (append-only, range-partitioned by month), import
-- batches, and the per-user statistics kept current in the same transaction as each listen.

-- Songs first heard through a listen (a scrobble of something the catalog lacks) become catalog
-- entries of their own origin: not connector-made, so the stale-entry cleanup leaves them alone.
alter table artists drop constraint artists_origin_check,
    add constraint artists_origin_check check (origin in ('import', 'connector', 'admin', 'listen'));
alter table albums drop constraint albums_origin_check,
    add constraint albums_origin_check check (origin in ('import', 'connector', 'admin', 'listen'));
alter table tracks drop constraint tracks_origin_check,
    add constraint tracks_origin_check check (origin in ('import', 'connector', 'admin', 'listen'));

-- Resolving "artist + title" against the catalog: equality on the normalised names (title plus
-- all credited names; or a credited artist's tracks through track_artists_artist).
create index tracks_title_key on tracks (title_search, artists_search);
create index artists_name_key on artists (search_text);
create index albums_title_key on albums (search_text);

-- An import of an export file (or a dry run of one): what came in, what was added, so it can
-- be undone.
create table listen_imports (
    id            bigint      generated always as identity primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    format        text        not null check (length(format) between 1 and 50),
    file_name     text        check (length(file_name) <= 500),
    dry_run       boolean     not null,
    status        text        not null check (status in ('running', 'done', 'failed', 'undone')),
    rows_read     integer     not null default 0,
    added         integer     not null default 0,
    duplicates    integer     not null default 0,
    skipped       integer     not null default 0,
    tracks_created integer    not null default 0,
    first_listen  timestamptz,
    last_listen   timestamptz,
    error         text        check (length(error) <= 2000),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    undone_at     timestamptz
);
create index listen_imports_user on listen_imports (user_id, id desc);

-- Every row of an import that was not added, with why (too short, duplicate, unparseable, …).
create table listen_import_skips (
    import_id bigint  not null references listen_imports (id) on delete cascade,
    position  bigint  not null check (position > 0),
    reason    text    not null check (reason in ('unparseable', 'too_short', 'not_music', 'out_of_range', 'duplicate')),
    detail    text    check (length(detail) <= 1000),
    primary key (import_id, position)
);

-- Ownership: only listen_totals has a foreign key to users. The listens and the statistics tables
-- do not (a per-row check on eight tables was a large share of every batch's write); a listen is
-- never stored without its listen_totals upsert in the same statement, which that key checks, and
-- deleting the totals row (with the account, by cascade) deletes the user's listens and
-- statistics through the statement trigger at the end of this file.

-- One row per play. Unique per (user, time, track): submitting a listen again changes nothing.
-- Partitions are months (see ListenPartitions); the primary key leads with user_id so every
-- per-user read is an index range scan in each partition it touches.
create table listens (
    user_id      uuid        not null,
    listened_at  timestamptz not null,
    track_id     bigint      not null,
    ms_played    integer     check (ms_played between 0 and 86400000),
    skipped      boolean     not null default false,
    context_type text        check (context_type in ('playlist', 'album', 'artist', 'party', 'radio', 'search', 'library', 'other')),
    context_id   text        check (length(context_id) between 1 and 200),
    client       text        check (length(client) between 1 and 100),
    source       text        not null check (source in ('api', 'listenbrainz', 'import')),
    import_id    bigint,
    primary key (user_id, listened_at, track_id)
) partition by range (listened_at);
-- a track's plays of one user (track history, duplicate detection across sources)
create index listens_user_track on listens (user_id, track_id, listened_at);
-- No foreign key to tracks here: checking it on every catalog delete would need a track index
-- on every partition of the biggest table. listen_stats_tracks has a row for every (user,
-- track) with a listen and its foreign key refuses to delete a track that was ever played.

-- Creates the month partition holding `month` if it is missing; returns true when it created it.
create function refrain_ensure_listen_partition(month date) returns boolean
    language plpgsql as $$
declare
    first_day date := date_trunc('month', month)::date;
    name text := format('listens_%s', to_char(first_day, 'YYYY_MM'));
begin
    -- concurrent callers for the same month: the second waits, then finds it
    perform pg_advisory_xact_lock(hashtextextended('listen-partitions', 0));
    if to_regclass(name) is not null then
        return false;
    end if;
    execute format('create table if not exists %I partition of listens for values from (%L) to (%L)',
                   name, first_day::timestamp at time zone 'UTC', (first_day + interval '1 month')::timestamp at time zone 'UTC');
    return true;
end $$;

-- Per user totals: all-time counts and the span of the history, which bounds every per-user
-- scan of the partitioned listens to the months that can hold rows (the sparse-user trap).
create table listen_totals (
    user_id         uuid        primary key references users (id) on delete cascade,
    plays           bigint      not null check (plays >= 0),
    ms_played       bigint      not null check (ms_played >= 0),
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null
);

-- All-time statistics per user and track / artist / album / genre.
create table listen_stats_tracks (
    user_id         uuid        not null,
    track_id        bigint      not null references tracks (id),
    plays           integer     not null check (plays >= 0),
    skips           integer     not null check (skips >= 0),
    ms_played       bigint      not null check (ms_played >= 0),
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null,
    primary key (user_id, track_id)
);
create index listen_stats_tracks_top on listen_stats_tracks (user_id, plays desc, ms_played desc, track_id);
create index listen_stats_tracks_track on listen_stats_tracks (track_id);

create table listen_stats_artists (
    user_id         uuid        not null,
    artist_id       bigint      not null references artists (id) on delete cascade,
    plays           integer     not null check (plays >= 0),
    skips           integer     not null check (skips >= 0),
    ms_played       bigint      not null check (ms_played >= 0),
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null,
    primary key (user_id, artist_id)
);
create index listen_stats_artists_top on listen_stats_artists (user_id, plays desc, ms_played desc, artist_id);
create index listen_stats_artists_artist on listen_stats_artists (artist_id);

create table listen_stats_albums (
    user_id         uuid        not null,
    album_id        bigint      not null references albums (id) on delete cascade,
    plays           integer     not null check (plays >= 0),
    skips           integer     not null check (skips >= 0),
    ms_played       bigint      not null check (ms_played >= 0),
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null,
    primary key (user_id, album_id)
);
create index listen_stats_albums_top on listen_stats_albums (user_id, plays desc, ms_played desc, album_id);
create index listen_stats_albums_album on listen_stats_albums (album_id);

create table listen_stats_genres (
    user_id         uuid        not null,
    genre_id        integer     not null references genres (id) on delete cascade,
    plays           integer     not null check (plays >= 0),
    skips           integer     not null check (skips >= 0),
    ms_played       bigint      not null check (ms_played >= 0),
    first_played_at timestamptz not null,
    last_played_at  timestamptz not null,
    primary key (user_id, genre_id)
);

-- Rollups for time ranges (UTC days and months). No foreign key on track_id: every track here
-- has a listen_stats_tracks row, whose key already keeps the track (and a per-row check is a
-- measurable share of a batch's write). A week or a month range reads at most
-- 7 or 31 days of rows, a year range 13 months, whatever the number of listens in them.
create table listen_days (
    user_id   uuid    not null,
    day       date    not null,
    track_id  bigint  not null,
    plays     integer not null check (plays >= 0),
    ms_played bigint  not null check (ms_played >= 0),
    primary key (user_id, day, track_id)
);
create index listen_days_track on listen_days (track_id);

create table listen_months (
    user_id   uuid    not null,
    month     date    not null check (extract(day from month) = 1),
    track_id  bigint  not null,
    plays     integer not null check (plays >= 0),
    ms_played bigint  not null check (ms_played >= 0),
    primary key (user_id, month, track_id)
);
-- "the month before this one in which the user played this track": a track's plays walk it
create index listen_months_user_track on listen_months (user_id, track_id, month);

-- Activity: plays per UTC day and hour; listens per day and per hour of day for any range.
create table listen_hours (
    user_id   uuid     not null,
    day       date     not null,
    hour      smallint not null check (hour between 0 and 23),
    plays     integer  not null check (plays >= 0),
    ms_played bigint   not null check (ms_played >= 0),
    primary key (user_id, day, hour)
);

-- A user's listens and statistics go with their listen_totals row (deleted with the account, or
-- by an undo that leaves no listens).
create function refrain_listen_totals_deleted() returns trigger
    language plpgsql as $$
begin
    delete from listens where user_id in (select user_id from gone);
    delete from listen_stats_tracks where user_id in (select user_id from gone);
    delete from listen_stats_artists where user_id in (select user_id from gone);
    delete from listen_stats_albums where user_id in (select user_id from gone);
    delete from listen_stats_genres where user_id in (select user_id from gone);
    delete from listen_days where user_id in (select user_id from gone);
    delete from listen_months where user_id in (select user_id from gone);
    delete from listen_hours where user_id in (select user_id from gone);
    return null;
end $$;
create trigger listen_totals_deleted after delete on listen_totals
    referencing old table as gone for each statement execute function refrain_listen_totals_deleted();
