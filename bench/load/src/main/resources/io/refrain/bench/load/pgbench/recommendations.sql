-- GET /api/v1/recommendations?seed_tracks={track id}&limit=20  (Recommender.recommend, @Transactional; the sampled
-- listener's track as the one seed, no discovery session)
-- Statements whose rows feed the next (the seed's vector, the candidate ids, the page's ids) are the API's text in a
-- wrapper that returns one row (\gset needs one); the filter statement sits in a MATERIALIZED CTE, so every column
-- the API reads is computed. The candidates are the co-listened and the nearest tracks, without duplicates, as the
-- API's evidence map; the page personalised is the first 20 that pass the filters (the API's are the best 20 after
-- scoring and re-ranking in Java: the same number of ids). Array parameters get a ::bigint[] cast (pgbench sends
-- them untyped). recent = now - refrain.recommend.recently-played (6 h).
\set n random(1, :samples)
SELECT user_id AS uid, '{' || track_id || '}' AS seeds, '{' || track_id || '}' AS excl, now() AS at,
       now() - interval '6 hours' AS recent, false AS unplayed
FROM bench_sample WHERE n = :n \gset
\set colim 60
\set nearlim 150
BEGIN;
-- CandidateRepository.seedTracks
SELECT (s.feature_vector is not null)::int AS hasvec,
       coalesce('{' || btrim(s.feature_vector, '()') || '}', '{}') AS target FROM (
select t.id, t.title, a.artist_id, v.feature_vector::text
from catalog_tracks t
left join catalog_track_artists a on a.track_id = t.id and a.position = 0
left join catalog_track_vectors v on v.track_id = t.id
where t.id = any(:seeds::bigint[])) s \gset
-- CandidateRepository.coListened (60 per seed)
SELECT coalesce(array_agg(DISTINCT c.similar_id), '{}') AS cands FROM (
select s.similar_id, seed.id, s.score
from unnest(:seeds::bigint[]) as seed(id)
cross join lateral (
    select similar_id, score from track_similarity
    where run_id = (select max(id) from similarity_runs where status = 'done') and track_id = seed.id
    order by score desc, similar_id desc limit :colim) s) c \gset
\if :hasvec
-- CandidateRepository.nearest (150 for a seed with a sound vector)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || array_agg(e.track_id)) x) AS cands FROM (
select track_id, feature_vector <-> cube(cast(:target as float8[])) as distance
from catalog_track_vectors
order by feature_vector <-> cube(cast(:target as float8[])) limit :nearlim) e \gset
\endif
-- AccountService.blocksExplicitContent: SettingsRepository.find (no row: the defaults, which do not block)
SELECT coalesce(bool_or(s.explicit_content = 'block'), false) AS block FROM (
select language, theme, explicit_content, audio_quality, private_session, autoplay,
       crossfade_seconds, normalize_volume, timezone
from user_settings where user_id = :uid) s \gset
-- CandidateRepository.filter (no min_/max_ bounds)
WITH k AS MATERIALIZED (
select t.id, t.title, a.artist_id, ar.name, v.feature_vector::text, array[t.popularity::float8, coalesce(t.duration_ms, f.duration_ms)::float8, f.key::float8, f.mode::float8, f.time_signature::float8] as vals,
       coalesce(s.plays, 0) as my_plays,
       exists (select 1 from history_artist_stats h where h.user_id = :uid and h.artist_id = a.artist_id) as familiar,
       exists (select 1 from artist_feedback af where af.user_id = :uid and af.artist_id = a.artist_id and af.score > 0) as loved,
       exists (select 1 from discovery_sessions d
               join discovery_session_tracks dt on dt.session_id = d.id
               join catalog_track_artists da on da.track_id = dt.track_id and da.position = 0
               join history_track_stats hs on hs.user_id = d.user_id and hs.track_id = dt.track_id
               where d.user_id = :uid and d.created_at > cast(:at as timestamptz) - interval '30 days'
                 and da.artist_id = a.artist_id and hs.last_played_at > d.created_at) as accepted,
       array(select genre_id::bigint from catalog_track_genres g where g.track_id = t.id) as genres
from catalog_tracks t
left join catalog_track_artists a on a.track_id = t.id and a.position = 0
left join catalog_artists ar on ar.id = a.artist_id
left join catalog_audio_features f on f.track_id = t.id
left join catalog_track_vectors v on v.track_id = t.id
left join history_track_stats s on s.user_id = :uid and s.track_id = t.id
where t.id = any(:cands::bigint[]) and not (t.id = any(:excl::bigint[]))
  and (not :block or not t.explicit)
  and (s.last_played_at is null or s.last_played_at < :recent)
  and (not :unplayed or s.track_id is null)
  and not exists (select 1 from track_feedback tf where tf.user_id = :uid and tf.track_id = t.id and tf.score < 0)
  and not exists (select 1 from catalog_track_artists x join artist_feedback af
                      on af.user_id = :uid and af.artist_id = x.artist_id and af.score < 0
                  where x.track_id = t.id)
  and not exists (select 1 from discovery_session_tracks dt join discovery_sessions d on d.id = dt.session_id
                  join history_listens l on l.user_id = d.user_id and l.track_id = dt.track_id
                      and l.listened_at > d.created_at and l.skipped
                  where dt.track_id = t.id and d.user_id = :uid))
SELECT count(*) AS kept, coalesce((array_agg(k.id))[1:20], '{}') AS ids FROM k \gset
\if :kept > 0
-- TrackStateRepository.states (CatalogService.tracks: views from the cache, then personalise)
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
\endif
COMMIT;
