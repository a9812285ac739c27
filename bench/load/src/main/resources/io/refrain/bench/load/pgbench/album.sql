-- GET /api/v1/albums/{id}  (CatalogService.album; the album view is cached, only the reader's state of its tracks is read)
-- The pick also lists the album's track ids (the cached view's tracks); that lookup is part of the pick overhead.
\set n random(1, :samples)
SELECT s.user_id AS uid, array(select t.id from tracks t where t.album_id = s.album_id) AS ids
FROM bench_sample s WHERE s.n = :n \gset
-- TrackStateRepository.states
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
