-- GET /api/v1/recommendations?profile=me&limit=20  (Recommender.recommend, @Transactional; the listener's stored
-- profile as the one seed, no discovery session)
-- As recommendations.sql: wrappers return one row, the filter statement sits in a MATERIALIZED CTE, the page
-- personalised is the first 20 candidates that pass. The pick reads what the API takes from the stored profile in
-- Java: the target sound vector (each dimension's mean scaled to 0-1 as Dimension.scale, 0.5 without one; the API
-- also rounds it to the profile code's steps), the top tracks, the first 5 artists and the first 3 genres, and
-- whether the profile is empty (no tracks: the API then asks only the sound neighbours). A sampled listener without
-- a stored profile (Population reads each one's profile before the load, which stores it) runs the empty path here;
-- the API would compute the profile first. A stale profile is answered at once by the API and recomputed in the
-- background: that recomputation is not reproduced.
\set n random(1, :samples)
SELECT s.user_id AS uid, '{}' AS excl, now() AS at, now() - interval '6 hours' AS recent, false AS unplayed,
       (coalesce((p.profile->>'tracks')::bigint, 0) > 0)::int AS nonempty,
       array[coalesce(least(greatest((p.profile->'sound'->'danceability'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'energy'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'speechiness'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'acousticness'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'instrumentalness'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'liveness'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'valence'->>'mean')::float8, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'tempo'->>'mean')::float8 / 250, 0), 1), 0.5),
             coalesce(least(greatest(((p.profile->'sound'->'loudness'->>'mean')::float8 + 60) / 60, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'mellow'->>'mean')::float8 / 35, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'unpretentious'->>'mean')::float8 / 35, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'sophisticated'->>'mean')::float8 / 35, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'intense'->>'mean')::float8 / 35, 0), 1), 0.5),
             coalesce(least(greatest((p.profile->'sound'->'contemporary'->>'mean')::float8 / 35, 0), 1), 0.5)]::float8[]::text AS target,
       coalesce((select array_agg(x::bigint order by i) from jsonb_array_elements_text(p.profile->'topTracks')
                 with ordinality e(x, i)), '{}') AS tops,
       coalesce((select array_agg((x->>'id')::bigint order by i) from jsonb_array_elements(p.profile->'artists')
                 with ordinality e(x, i) where i <= 5), '{}') AS artists,
       coalesce((select array_agg((x->>'id')::int order by i) from jsonb_array_elements(p.profile->'genres')
                 with ordinality e(x, i) where i <= 3), '{}') AS genres
FROM bench_sample s LEFT JOIN listener_profiles p ON p.user_id = s.user_id WHERE s.n = :n \gset
\set nearlim 300
\set colim 30
\set neighbours 5
\set perartist 3
\set pergenre 50
BEGIN;
-- ProfileService.current: ProfileRepository.find, then ProfileRepository.versions (is it stale?)
select profile::text, code, history_version, library_version, feedback_version,
       last_computed_at, cache_valid_until, computation_duration_ms
from listener_profiles where user_id = :uid;
select coalesce((select version from history_versions where user_id = :uid), 0) as h,
       coalesce((select version from library_versions where user_id = :uid), 0) as l,
       coalesce((select version from feedback_versions where user_id = :uid), 0) as f;
-- CandidateRepository.nearest (2 x 150 around the profile's targets)
SELECT coalesce(array_agg(DISTINCT e.track_id), '{}') AS cands FROM (
select track_id, feature_vector <-> cube(cast(:target as float8[])) as distance
from catalog_track_vectors
order by feature_vector <-> cube(cast(:target as float8[])) limit :nearlim) e \gset
-- CandidateRepository.popularNow (60 of the 30-day list, for every profile seed)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || array_agg(p.entity_id)) x) AS cands FROM (
select entity_id, plays_rank from popular_now
where window_days = 30 and genre_id = 0 and kind = 'track'
order by plays_rank limit 60) p \gset
\if :nonempty
-- the profile's top tracks themselves are candidates (familiar ones; no statement: they come with the profile)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || :tops::bigint[]) x) AS cands \gset
-- CandidateRepository.coListened (the profile's top tracks, 30 each)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || array_agg(c.similar_id)) x) AS cands FROM (
select s.similar_id, seed.id, s.score
from unnest(:tops::bigint[]) as seed(id)
cross join lateral (
    select similar_id, score from track_similarity
    where run_id = (select max(id) from similarity_runs where status = 'done') and track_id = seed.id
    order by score desc, similar_id desc limit :colim) s) c \gset
-- CandidateRepository.artistNeighbours (the profile's first 5 artists, 5 neighbours each, 3 tracks per artist)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || array_agg(w.track_id)) x) AS cands FROM (
with n as (
    select seed.id as seed, x.similar_id as artist, x.score
    from unnest(:artists::bigint[]) as seed(id)
    cross join lateral (
        select similar_id, score from artist_similarity
        where run_id = (select max(id) from similarity_runs where status = 'done') and artist_id = seed.id
        order by score desc, similar_id desc limit :neighbours) x
    union all
    select seed.id, seed.id, coalesce((select max(score) from artist_similarity
                                       where run_id = (select max(id) from similarity_runs where status = 'done') and artist_id = seed.id), 1)
    from unnest(:artists::bigint[]) as seed(id))
select tr.track_id, n.seed, n.score, n.artist
from n cross join lateral (
    select ta.track_id from catalog_track_artists ta join catalog_tracks t on t.id = ta.track_id
    where ta.artist_id = n.artist and ta.position = 0
    order by t.popularity desc nulls last, t.id limit :perartist) tr) w \gset
-- CandidateRepository.popularInGenres (the profile's first 3 genres, 50 each)
SELECT ARRAY(SELECT DISTINCT x FROM unnest(:cands::bigint[] || array_agg(pg.track_id)) x) AS cands FROM (
select track_id, genre_id, 1.0 / (1 + r * 0.05) as score
from (
    select g.id as genre_id, x.track_id, row_number() over (partition by g.id order by x.o, x.track_id) as r
    from unnest(:genres::int[]) as g(id)
    cross join lateral (
        (select entity_id as track_id, listeners_rank as o from popular_now
         where window_days = 30 and genre_id = g.id and kind = 'track'
         order by listeners_rank limit :pergenre)
        union all
        (select track_id, 1000000 + row_number() over (order by popularity desc, track_id) from catalog_track_genres
         where genre_id = g.id order by popularity desc, track_id limit :pergenre)) x) y
where r <= :pergenre) pg \gset
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
