-- Library: saved tracks and albums, ratings (tracks, albums, artists), loved tracks, user tags
-- on tracks, followed artists. Every table leads its key and its list index with user_id (the
-- tenant and future shard key). Rows go with their user (on delete cascade) and with the
-- catalog entry they point at (an admin deleting a track removes it from libraries; the
-- stale-entry cleanup never removes a track in use, see LibraryTrackState).
-- The (track_id) / (album_id) / (artist_id) indexes serve the catalog side: cascades when an
-- entry is deleted and the cleanup's "is this track in use?" question.

create table saved_tracks (
    user_id  uuid        not null references users (id) on delete cascade,
    track_id bigint      not null references tracks (id) on delete cascade,
    saved_at timestamptz not null,
    primary key (user_id, track_id)
);
create index saved_tracks_recent on saved_tracks (user_id, saved_at desc, track_id desc);
create index saved_tracks_track on saved_tracks (track_id);

create table saved_albums (
    user_id  uuid        not null references users (id) on delete cascade,
    album_id bigint      not null references albums (id) on delete cascade,
    saved_at timestamptz not null,
    primary key (user_id, album_id)
);
create index saved_albums_recent on saved_albums (user_id, saved_at desc, album_id desc);
create index saved_albums_album on saved_albums (album_id);

-- Ratings: 0–5 in half steps.
create table track_ratings (
    user_id  uuid         not null references users (id) on delete cascade,
    track_id bigint       not null references tracks (id) on delete cascade,
    rating   numeric(2,1) not null check (rating between 0 and 5 and rating * 2 = floor(rating * 2)),
    rated_at timestamptz  not null,
    primary key (user_id, track_id)
);
create index track_ratings_track on track_ratings (track_id);

create table album_ratings (
    user_id  uuid         not null references users (id) on delete cascade,
    album_id bigint       not null references albums (id) on delete cascade,
    rating   numeric(2,1) not null check (rating between 0 and 5 and rating * 2 = floor(rating * 2)),
    rated_at timestamptz  not null,
    primary key (user_id, album_id)
);
create index album_ratings_album on album_ratings (album_id);

create table artist_ratings (
    user_id   uuid         not null references users (id) on delete cascade,
    artist_id bigint       not null references artists (id) on delete cascade,
    rating    numeric(2,1) not null check (rating between 0 and 5 and rating * 2 = floor(rating * 2)),
    rated_at  timestamptz  not null,
    primary key (user_id, artist_id)
);
create index artist_ratings_artist on artist_ratings (artist_id);

create table loved_tracks (
    user_id  uuid        not null references users (id) on delete cascade,
    track_id bigint      not null references tracks (id) on delete cascade,
    loved_at timestamptz not null,
    primary key (user_id, track_id)
);
create index loved_tracks_track on loved_tracks (track_id);

-- A user's own tags; names unique per user regardless of case.
create table tags (
    user_id    uuid        not null references users (id) on delete cascade,
    id         bigint      generated always as identity,
    name       text        not null check (length(name) between 1 and 50 and name = btrim(name)),
    created_at timestamptz not null,
    primary key (user_id, id)
);
create unique index tags_name on tags (user_id, lower(name));

-- The composite foreign key makes it impossible to put a track under someone else's tag.
create table tagged_tracks (
    user_id   uuid        not null,
    tag_id    bigint      not null,
    track_id  bigint      not null references tracks (id) on delete cascade,
    tagged_at timestamptz not null,
    primary key (user_id, tag_id, track_id),
    foreign key (user_id, tag_id) references tags (user_id, id) on delete cascade
);
create index tagged_tracks_recent on tagged_tracks (user_id, tag_id, tagged_at desc, track_id desc);
create index tagged_tracks_track on tagged_tracks (track_id);

create table followed_artists (
    user_id     uuid        not null references users (id) on delete cascade,
    artist_id   bigint      not null references artists (id) on delete cascade,
    followed_at timestamptz not null,
    primary key (user_id, artist_id)
);
create index followed_artists_recent on followed_artists (user_id, followed_at desc, artist_id desc);
create index followed_artists_artist on followed_artists (artist_id);
