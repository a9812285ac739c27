-- GET /api/v1/artists/{id}  (CatalogService.artist; the artist view is cached, only the reader's state of its 10 top tracks is read)
-- The pick also lists 10 of the artist's track ids (standing in for the cached view's top tracks; same count); part of the pick overhead.
\set n random(1, :samples)
SELECT s.user_id AS uid, array(select ta.track_id from track_artists ta where ta.artist_id = s.artist_id order by ta.track_id limit 10) AS ids
FROM bench_sample s WHERE s.n = :n \gset
-- TrackStateRepository.states
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
