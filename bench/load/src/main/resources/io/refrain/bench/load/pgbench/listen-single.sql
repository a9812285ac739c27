-- POST /api/v1/me/listens {"listenedAt": now-ish, "track": {"id": t}, "msPlayed": 180000}
--   (ListenController.submit -> ListenIngestion.submit; one transaction: ListenWriter.lockUser, TrackResolver.resolve, ListenWriter.write)
-- NB the API takes the track as "track": {"id": ...}; a body with "trackId" is rejected (with a 500, see README).
-- listened_at = now minus a random 0-600 s (microsecond precision), so listens do not collide; the stats upserts
-- (listen_totals, listen_stats_*, listen_days/months/hours) run in the same statement as in the API. The array
-- parameters are built as text by the pick; import_id is a literal null here (a null parameter in the API).
\set n random(1, :samples)
SELECT user_id AS uid, user_id::text AS uids, '{' || track_id || '}' AS tids,
       '{' || ((extract(epoch from clock_timestamp()) * 1000000)::bigint - (random() * 600000000)::bigint) || '}' AS ats,
       '{180000}' AS mss, '{f}' AS skips, '{NULL}' AS ctypes, '{NULL}' AS cids, '{NULL}' AS clients, 'api' AS source
FROM bench_sample WHERE n = :n \gset
BEGIN;
-- ListenWriter.lockUser
select pg_advisory_xact_lock(hashtextextended('listens:' || :uids, 0));
-- TrackResolver.resolve (the listen names a catalog id)
select id from tracks where id = any(:tids::bigint[]);
-- ListenWriter.write (window zero: fresh = all input)
with input as (
    select 'epoch'::timestamptz + at_us * interval '1 microsecond' as listened_at,
           track_id, ms_played, skipped, context_type, context_id, client
    from unnest(:ats::bigint[], :tids::bigint[], :mss::int[], :skips::boolean[],
                :ctypes::text[], :cids::text[], :clients::text[])
         as u(at_us, track_id, ms_played, skipped, context_type, context_id, client)),
fresh as (select * from input),
inserted as (
    insert into listens (user_id, listened_at, track_id, ms_played, skipped, context_type, context_id,
                         client, source, import_id)
    select :uid, listened_at, track_id, ms_played, skipped, context_type, context_id, client, :source, null
    from fresh order by listened_at, track_id
    on conflict do nothing
    returning listened_at, track_id, ms_played, skipped),
played as (
    select i.listened_at, i.track_id, i.skipped, t.album_id,
           coalesce(i.ms_played, t.duration_ms, 0)::bigint as ms,
           i.listened_at at time zone 'UTC' as utc
    from inserted i join tracks t on t.id = i.track_id),
totals as (
    insert into listen_totals as s (user_id, plays, ms_played, first_played_at, last_played_at)
    select :uid, count(*), sum(ms), min(listened_at), max(listened_at) from played having count(*) > 0
    on conflict (user_id) do update set
        plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played,
        first_played_at = least(s.first_played_at, excluded.first_played_at),
        last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
per_track as (
    insert into listen_stats_tracks as s (user_id, track_id, plays, skips, ms_played, first_played_at, last_played_at)
    select :uid, track_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
    from played group by track_id order by track_id
    on conflict (user_id, track_id) do update set
        plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
        ms_played = s.ms_played + excluded.ms_played,
        first_played_at = least(s.first_played_at, excluded.first_played_at),
        last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
per_artist as (
    insert into listen_stats_artists as s (user_id, artist_id, plays, skips, ms_played, first_played_at, last_played_at)
    select :uid, ta.artist_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
           max(p.listened_at)
    from played p join track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured')
    group by ta.artist_id order by ta.artist_id
    on conflict (user_id, artist_id) do update set
        plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
        ms_played = s.ms_played + excluded.ms_played,
        first_played_at = least(s.first_played_at, excluded.first_played_at),
        last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
per_album as (
    insert into listen_stats_albums as s (user_id, album_id, plays, skips, ms_played, first_played_at, last_played_at)
    select :uid, album_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
    from played where album_id is not null group by album_id order by album_id
    on conflict (user_id, album_id) do update set
        plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
        ms_played = s.ms_played + excluded.ms_played,
        first_played_at = least(s.first_played_at, excluded.first_played_at),
        last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
per_genre as (
    insert into listen_stats_genres as s (user_id, genre_id, plays, skips, ms_played, first_played_at, last_played_at)
    select :uid, tg.genre_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
           max(p.listened_at)
    from played p join track_genres tg on tg.track_id = p.track_id
    group by tg.genre_id order by tg.genre_id
    on conflict (user_id, genre_id) do update set
        plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
        ms_played = s.ms_played + excluded.ms_played,
        first_played_at = least(s.first_played_at, excluded.first_played_at),
        last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
per_day as (
    insert into listen_days as s (user_id, day, track_id, plays, ms_played)
    select :uid, utc::date, track_id, count(*), sum(ms) from played group by 2, 3 order by 2, 3
    on conflict (user_id, day, track_id) do update set
        plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played),
per_month as (
    insert into listen_months as s (user_id, month, track_id, plays, ms_played)
    select :uid, date_trunc('month', utc)::date, track_id, count(*), sum(ms) from played
    group by 2, 3 order by 2, 3
    on conflict (user_id, month, track_id) do update set
        plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played),
per_hour as (
    insert into listen_hours as s (user_id, day, hour, plays, ms_played)
    select :uid, utc::date, extract(hour from utc)::smallint, count(*), sum(ms) from played
    group by 2, 3 order by 2, 3
    on conflict (user_id, day, hour) do update set
        plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played)
select listened_at, track_id from inserted;
COMMIT;
