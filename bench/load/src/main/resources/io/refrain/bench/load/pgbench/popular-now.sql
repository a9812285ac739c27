-- GET /api/v1/popular/tracks?window=7d&limit=20  (PopularNow.page, @Transactional(readOnly = true); all music
-- (genre 0), ranked by plays, first page; refrain.recommend.popular.size 100)
-- The page statement is the API's text in a MATERIALIZED CTE (so the title subquery of every row runs, as in the
-- API) around which pgbench gets the page's ids in one row; kind comes from the pick, so it is a parameter as in the API.
\set n random(1, :samples)
SELECT user_id AS uid, 'track' AS kind FROM bench_sample WHERE n = :n \gset
\set days 7
\set genre 0
\set after 0
\set size 100
\set lim 21
BEGIN READ ONLY;
-- PopularRepository.page (limit + 1 rows)
WITH h AS MATERIALIZED (
select p.plays_rank, p.entity_id, (select title from catalog_tracks where id = p.entity_id), p.plays, p.listeners, p.refreshed_at
from popular_now p
where p.window_days = :days and p.genre_id = :genre and p.kind = :kind and p.plays_rank > :after
  and p.plays_rank <= :size
order by p.plays_rank limit :lim)
SELECT count(*) AS got, coalesce((array_agg(h.entity_id order by h.plays_rank))[1:20], '{}') AS ids FROM h \gset
\if :got > 0
-- TrackStateRepository.states (CatalogService.tracks: views from the cache, then personalise)
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
\endif
COMMIT;
