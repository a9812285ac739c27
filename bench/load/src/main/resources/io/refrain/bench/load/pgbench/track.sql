-- GET /api/v1/tracks/{id}  (CatalogService.track; the view is cached, only the reader's state is read; autocommit)
\set n random(1, :samples)
SELECT user_id AS uid, '{' || track_id || '}' AS ids FROM bench_sample WHERE n = :n \gset
-- TrackStateRepository.states
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
