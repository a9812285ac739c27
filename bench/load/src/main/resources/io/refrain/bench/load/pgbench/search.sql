-- GET /api/v1/search?q={term}  (SearchService.search, @Transactional; limit 20, all three types, first page)
-- Each ranked-hits statement is wrapped in an outer select so pgbench can pass the page's ids on
-- (\gset needs one row); the inner statement is the API's text. The prepare statement is as the API's
-- (its set_config values are literals here, parameters in the API).
\set n random(1, :samples)
SELECT user_id AS uid, term AS q, now() AS at FROM bench_sample WHERE n = :n \gset
\set cap 200
\set after_score 2
\set after_id 0
\set lim 21
\set keep 20
BEGIN;
-- SearchRepository.prepare (ranked = true: enable_seqscan off)
select refrain_search_normalize(:q) AS nq,
       set_config('pg_trgm.strict_word_similarity_threshold', '0.4', true) AS c1,
       set_config('pg_trgm.word_similarity_threshold', '0.6', true) AS c2,
       set_config('plan_cache_mode', 'force_custom_plan', true) AS c3,
       set_config('enable_seqscan', 'off', true) AS c4 \gset
-- SearchRepository.tracks
SELECT count(*) AS got, coalesce((array_agg(h.id))[1:20], '{}') AS ids FROM (
with exact as materialized (
    select c.id from tracks c
    where to_tsvector('simple', c.search_text) @@ plainto_tsquery('simple', :nq)
    order by (c.title_search = :nq or c.artists_search = :nq) desc, c.popularity desc nulls last, c.id
    limit :cap),
fuzzy as materialized (
    select c.id from tracks c
    where :nq <<% c.search_text and (select count(*) from exact) < :cap),
candidates as (select id from exact union select id from fuzzy),
x as materialized (
    select t.id, round((0.55 * strict_word_similarity(:nq, t.search_text)
                       + 0.30 * greatest(similarity(:nq, t.title_search), similarity(:nq, t.artists_search))
                       + 0.15 * coalesce(t.popularity, 0) / 100.0)::numeric, 6) as score
    from tracks t where t.id = any(array(select id from candidates)))
select id, score from x where true
and (x.score < :after_score or (x.score = :after_score and x.id > :after_id))
order by x.score desc, x.id limit :lim
) h \gset
\if :got > 0
-- TrackStateRepository.states (CatalogService.tracks: views from the cache, then personalise)
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
\endif
-- SearchRepository.artists
SELECT coalesce((array_agg(h.id))[1:20], '{}') AS aids FROM (
with exact as materialized (
    select c.id from artists c
    where to_tsvector('simple', c.search_text) @@ plainto_tsquery('simple', :nq)
    order by (c.search_text = :nq) desc, c.popularity desc nulls last, c.id
    limit :cap),
fuzzy as materialized (
    select c.id from artists c
    where :nq <<% c.search_text and (select count(*) from exact) < :cap),
candidates as (select id from exact union select id from fuzzy),
x as materialized (
    select e.id, round((0.55 * strict_word_similarity(:nq, e.search_text)
                       + 0.30 * similarity(:nq, e.search_text)
                       + 0.15 * coalesce(e.popularity, 0) / 100.0)::numeric, 6) as score
    from artists e where e.id = any(array(select id from candidates)))
select id, score from x where true
and (x.score < :after_score or (x.score = :after_score and x.id > :after_id))
order by x.score desc, x.id limit :lim
) h \gset
-- SearchRepository.artistsByIds
select id, name, popularity from artists where id = any(:aids::bigint[]);
-- SearchRepository.albums
SELECT coalesce((array_agg(h.id))[1:20], '{}') AS alids FROM (
with exact as materialized (
    select c.id from albums c
    where to_tsvector('simple', c.search_text) @@ plainto_tsquery('simple', :nq)
    order by (c.search_text = :nq) desc, c.popularity desc nulls last, c.id
    limit :cap),
fuzzy as materialized (
    select c.id from albums c
    where :nq <<% c.search_text and (select count(*) from exact) < :cap),
candidates as (select id from exact union select id from fuzzy),
x as materialized (
    select e.id, round((0.55 * strict_word_similarity(:nq, e.search_text)
                       + 0.30 * similarity(:nq, e.search_text)
                       + 0.15 * coalesce(e.popularity, 0) / 100.0)::numeric, 6) as score
    from albums e where e.id = any(array(select id from candidates)))
select id, score from x where true
and (x.score < :after_score or (x.score = :after_score and x.id > :after_id))
order by x.score desc, x.id limit :lim
) h \gset
-- SearchRepository.albumsByIds
select al.id, al.title, refrain_partial_date(al.release_date, al.release_date_precision) as release_date,
       (select string_agg(a.name, ', ' order by aa.position)
        from album_artists aa join artists a on a.id = aa.artist_id where aa.album_id = al.id) as artists
from albums al where al.id = any(:alids::bigint[]);
-- RecentSearchRepository.record: upsert, then trim to the last 20
insert into recent_searches (user_id, query_key, query, searched_at)
values (:uid, left(refrain_search_normalize(:q), 200), :q, :at)
on conflict (user_id, query_key) do update set query = excluded.query, searched_at = excluded.searched_at;
delete from recent_searches where user_id = :uid and query_key in (
    select query_key from recent_searches where user_id = :uid
    order by searched_at desc, query_key offset :keep);
COMMIT;
