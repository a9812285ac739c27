-- GET /api/v1/playlists/{id}/tracks?limit=50  (PlaylistTrackService.page, @Transactional(readOnly = true); the reader owns the playlist)
-- EntryRepository.page is wrapped in an outer select so pgbench can pass the page's track ids on (\gset needs one row).
\set n random(1, :playlists)
SELECT user_id AS uid, playlist_id AS pid FROM bench_sample_playlist WHERE n = :n \gset
\set after 0
\set first 0
\set lim 51
BEGIN READ ONLY;
-- PlaylistAccess.read
select p.user_id AS owner, p.id, p.name, p.description, p.cover_url, p.public as is_public, p.version, p.track_count,
       case when p.user_id = :uid then 'owner' else c.role end as role,
       exists (select 1 from playlist_follows f where f.user_id = :uid and f.playlist_id = p.id) as following,
       p.created_at, p.updated_at
from playlists p left join playlist_collaborators c on c.playlist_id = p.id and c.user_id = :uid
where p.id = :pid \gset
-- EntryRepository.page (first page: after 0, first index 0, limit 50 + 1)
SELECT count(*) AS got, (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest((array_agg(e.track_id))[1:50]) x) AS ids FROM (
select e.id, :first + row_number() over (order by e.position) - 1 as index,
       e.position, e.track_id, e.added_by, e.added_at,
       coalesce(v.score, 0)::int as score, v.my_vote
from playlist_entries e
left join lateral (
    select sum(vote) as score, max(vote) filter (where user_id = :uid) as my_vote
    from playlist_votes where playlist_id = :pid and entry_id = e.id) v on true
where e.user_id = :owner and e.playlist_id = :pid and e.position > :after
order by e.position limit :lim) e \gset
\if :got > 0
-- TrackStateRepository.states (CatalogService.tracks: views from the cache, then personalise)
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
\endif
COMMIT;
