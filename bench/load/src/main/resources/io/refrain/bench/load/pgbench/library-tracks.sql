-- GET /api/v1/me/tracks?limit=50  (LibraryService.savedTracks, @Transactional(readOnly = true))
-- ShelfRepository.page is wrapped in an outer select so pgbench can pass the page's ids on (\gset needs one row).
\set n random(1, :samples)
SELECT user_id AS uid, '9999-12-31 00:00:00+00' AS after_at FROM bench_sample WHERE n = :n \gset
\set after_id 9223372036854775807
\set lim 51
BEGIN READ ONLY;
-- ShelfRepository.page (first page: after ('9999-12-31', Long.MAX_VALUE), limit 50 + 1)
SELECT count(*) AS got, coalesce((array_agg(p.id))[1:50], '{}') AS ids
FROM (select track_id as id, saved_at as at from saved_tracks
      where user_id = :uid and (saved_at, track_id) < (:after_at::timestamptz, :after_id::bigint)
      order by saved_at desc, track_id desc limit :lim) p \gset
\if :got > 0
-- TrackStateRepository.states (CatalogService.tracks -> personalise); track views come from the cache
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
\endif
COMMIT;
