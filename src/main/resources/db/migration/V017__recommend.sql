-- Recommendations (src/main/java/io/refrain/recommend), and the read surfaces it needs from the
-- catalog and the history, each added here by its owner's part of this migration.

-- ---------------------------------------------------------------------------------------------
-- catalog: a track's sound as a point, for nearest-neighbour search.
--
-- The 14 dimensions recommend/Dimension.java defines, each scaled to 0–1 in the same order:
-- danceability, energy, speechiness, acousticness, instrumentalness, liveness, valence,
-- tempo / 250, (loudness + 60) / 60, and the five MUSIC dimensions / 35. A missing value is 0.5,
-- as in catalog/MusicDimensions. A GiST index on the cube answers `order by vector <-> target
-- limit n` by walking the index, not by reading every track.
create extension if not exists cube;

alter table audio_features add column feature_vector cube generated always as (cube(array[
    coalesce(danceability, 0.5)::float8,
    coalesce(energy, 0.5)::float8,
    coalesce(speechiness, 0.5)::float8,
    coalesce(acousticness, 0.5)::float8,
    coalesce(instrumentalness, 0.5)::float8,
    coalesce(liveness, 0.5)::float8,
    coalesce(valence, 0.5)::float8,
    coalesce(least(greatest(tempo / 250.0, 0), 1), 0.5)::float8,
    coalesce(least(greatest((loudness + 60) / 60.0, 0), 1), 0.5)::float8,
    coalesce(mellow / 35.0, 0.5)::float8,
    coalesce(unpretentious / 35.0, 0.5)::float8,
    coalesce(sophisticated / 35.0, 0.5)::float8,
    coalesce(intense / 35.0, 0.5)::float8,
    coalesce(contemporary / 35.0, 0.5)::float8])) stored;

create index audio_features_vector on audio_features using gist (feature_vector);

create view catalog_track_vectors as select track_id, feature_vector from audio_features;

-- ---------------------------------------------------------------------------------------------
-- history: the listens themselves, for what the statistics do not keep (sessions, recency,
-- hours of day). A plain projection: the planner inlines it, so a read by user uses the
-- listens' primary key (user_id, listened_at, track_id) or listens_user_track.
create view history_listens as
    select user_id, listened_at, track_id, ms_played, skipped from listens;

-- ---------------------------------------------------------------------------------------------
-- recommend

-- A listener profile: computed from listens, library and feedback, kept until it is stale (the
-- history's or the library's version moved on, feedback changed, or cache_valid_until passed).
-- Readers keep reading the stored row while a recomputation runs.
create table listener_profiles (
    user_id                 uuid        primary key references users (id) on delete cascade,
    profile                 jsonb       not null,
    code                    text        not null check (length(code) = 37),
    history_version         bigint      not null,
    library_version         bigint      not null,
    feedback_version        bigint      not null,
    last_computed_at        timestamptz not null,
    cache_valid_until       timestamptz not null,
    computation_duration_ms integer     not null check (computation_duration_ms >= 0)
);

-- Thumbs up (1, "love") or down (-1, "hate") on a track or an artist, as ListenBrainz's feedback.
create table track_feedback (
    user_id    uuid        not null references users (id) on delete cascade,
    track_id   bigint      not null references tracks (id) on delete cascade,
    score      smallint    not null check (score in (-1, 1)),
    created_at timestamptz not null,
    primary key (user_id, track_id)
);
create index track_feedback_recent on track_feedback (user_id, created_at desc, track_id desc);
create index track_feedback_track on track_feedback (track_id);

create table artist_feedback (
    user_id    uuid        not null references users (id) on delete cascade,
    artist_id  bigint      not null references artists (id) on delete cascade,
    score      smallint    not null check (score in (-1, 1)),
    created_at timestamptz not null,
    primary key (user_id, artist_id)
);
create index artist_feedback_recent on artist_feedback (user_id, created_at desc, artist_id desc);
create index artist_feedback_artist on artist_feedback (artist_id);

-- Raised by every feedback write, so a profile knows it is stale (as library_data_versions).
create table feedback_versions (
    user_id uuid   primary key references users (id) on delete cascade,
    version bigint not null check (version > 0)
);

-- Co-listening similarity, rebuilt from all users' listening sessions by a job. Each run writes
-- its own rows; readers use the latest finished run, so a rebuild never blocks or half-shows.
create table similarity_runs (
    id           bigint      generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    status       text        not null check (status in ('running', 'done', 'failed')),
    listens_read bigint      not null default 0,
    track_pairs  bigint      not null default 0,
    artist_pairs bigint      not null default 0,
    detail       text
);

-- The job's scratch space: capped pair scores per batch of users, summed at the end of a run.
-- Unlogged: derived from the listens and rebuilt; a crash loses only the run in progress.
create unlogged table similarity_pairs (
    run_id  bigint  not null,
    track_a bigint  not null,
    track_b bigint  not null,
    score   integer not null
);

-- No foreign keys to the catalog: the rows are derived and rebuilt; readers join catalog_tracks.
create table track_similarity (
    run_id     bigint  not null references similarity_runs (id) on delete cascade,
    track_id   bigint  not null,
    similar_id bigint  not null,
    score      integer not null check (score > 0),
    primary key (run_id, track_id, score, similar_id)
);

create table artist_similarity (
    run_id     bigint  not null references similarity_runs (id) on delete cascade,
    artist_id  bigint  not null,
    similar_id bigint  not null,
    score      integer not null check (score > 0),
    primary key (run_id, artist_id, score, similar_id)
);

-- Most played and most listened-to (distinct users) tracks, artists and albums over the last 7
-- and 30 days, overall (genre_id 0) and per genre. Replaced in one transaction by a job:
-- readers see the previous refresh until the new one commits.
create table popular_now (
    window_days   smallint    not null check (window_days in (7, 30)),
    genre_id      integer     not null,
    kind          text        not null check (kind in ('track', 'artist', 'album')),
    entity_id     bigint      not null,
    plays         bigint      not null,
    listeners     integer     not null,
    plays_rank    integer     not null,
    listeners_rank integer    not null,
    refreshed_at  timestamptz not null,
    primary key (window_days, genre_id, kind, entity_id)
);
create index popular_now_by_plays on popular_now (window_days, genre_id, kind, plays_rank);
create index popular_now_by_listeners on popular_now (window_days, genre_id, kind, listeners_rank);

-- A recommendation answer kept as a discovery session; what the user then does with its tracks
-- (listens, saves, loves, feedback) is read against it from the published views.
create table discovery_sessions (
    id          uuid        primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    created_at  timestamptz not null,
    request     jsonb       not null,
    track_count integer     not null check (track_count >= 0)
);
create index discovery_sessions_recent on discovery_sessions (user_id, created_at desc, id desc);

create table discovery_session_tracks (
    session_id uuid     not null references discovery_sessions (id) on delete cascade,
    position   smallint not null check (position >= 0),
    track_id   bigint   not null references tracks (id) on delete cascade,
    reasons    jsonb    not null,
    primary key (session_id, position)
);
create index discovery_session_tracks_track on discovery_session_tracks (track_id);

-- Generated playlists per user: a daily mix of familiar music and a weekly discovery of tracks
-- never played. Regenerated by a job when expired; a user can copy one into a real playlist.
create table generated_playlists (
    user_id      uuid        not null references users (id) on delete cascade,
    kind         text        not null check (kind in ('daily_mix', 'weekly_discovery')),
    generated_at timestamptz not null,
    expires_at   timestamptz not null,
    track_ids    bigint[]    not null,
    primary key (user_id, kind)
);
create index generated_playlists_expiry on generated_playlists (expires_at);
