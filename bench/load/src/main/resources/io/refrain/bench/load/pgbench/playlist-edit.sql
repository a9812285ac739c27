-- POST /api/v1/playlists/{id}/tracks {"trackIds":[t]} (PlaylistTrackService.add, @Transactional), then
-- POST /api/v1/playlists/{id}/tracks/remove {"entryIds":[the new entry]} (PlaylistTrackService.remove, @Transactional).
-- One pgbench transaction = both requests; the playlist ends as it was (entries), with version + 2 and
-- two playlist_activity rows, as through the API. Statements whose results feed the next one are wrapped
-- in an outer select / a CTE so pgbench can capture them (\gset); the activity detail JSON, built in Java
-- in the API, is built by that wrapper. A full playlist (10,000 tracks) gets the API's 409 after the lock.
\set n random(1, :playlists)
\set m random(1, :samples)
SELECT p.user_id AS uid, p.playlist_id AS pid, s.track_id AS tid, '{' || s.track_id || '}' AS tids, now() AS at
FROM bench_sample_playlist p, bench_sample s WHERE p.n = :n AND s.n = :m \gset
-- ---- request 1: add (append at the end)
BEGIN;
-- PlaylistAccess.lockForEditor (CatalogService.tracks(null, ids) then checks the id from its cache: no statement)
select p.user_id AS owner, p.id, p.name, p.description, p.cover_url, p.public as is_public, p.version, p.track_count AS tc,
       case when p.user_id = :uid then 'owner' else c.role end as role,
       exists (select 1 from playlist_follows f where f.user_id = :uid and f.playlist_id = p.id) as following,
       p.created_at, p.updated_at
from playlists p left join playlist_collaborators c on c.playlist_id = p.id and c.user_id = :uid
where p.id = :pid for update of p \gset
\if :tc >= 10000
ROLLBACK;
\else
\set off greatest(:tc - 1, 0)
\set cnt case when :tc > 0 then 2 else 1 end
-- EntryRepository.slots via Positions.place (the neighbours of the insertion point)
SELECT '{' || (coalesce((array_agg(s.position))[1], 0) + 1048576) || '}' AS positions,
       json_build_object('trackIds', json_build_array(:tid::bigint), 'position', :tc::int)::text AS detail FROM (
select id, position from playlist_entries
where user_id = :owner and playlist_id = :pid and id <> all('{}'::bigint[])
order by position offset :off limit :cnt) s \gset
-- EntryRepository.insert
WITH i AS (
insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
select :owner, :pid, u.position, u.track_id, :uid, :at
from unnest(:positions::bigint[], :tids::bigint[]) as u(position, track_id)
order by u.position
returning id, position)
SELECT '{' || id || '}' AS eids, '{"entryIds":[' || id || '],"trackIds":[' || :tid::bigint || ']}' AS rdetail FROM i \gset
-- PlaylistRepository.bump
update playlists set version = version + 1, updated_at = :at where user_id = :owner and id = :pid returning version;
-- ActivityRepository.record
insert into playlist_activity (user_id, playlist_id, actor_id, action, version, detail, at)
values (:owner, :pid, :uid, 'added', :version + 1, :detail::jsonb, :at);
COMMIT;
-- ---- request 2: remove the new entry
BEGIN;
-- PlaylistAccess.lockForEditor
select p.user_id AS owner, p.id, p.name, p.description, p.cover_url, p.public as is_public, p.version, p.track_count AS tc,
       case when p.user_id = :uid then 'owner' else c.role end as role,
       exists (select 1 from playlist_follows f where f.user_id = :uid and f.playlist_id = p.id) as following,
       p.created_at, p.updated_at
from playlists p left join playlist_collaborators c on c.playlist_id = p.id and c.user_id = :uid
where p.id = :pid for update of p \gset
-- EntryRepository.existing
select id from playlist_entries where user_id = :owner and playlist_id = :pid and id = any(:eids::bigint[]);
-- EntryRepository.deleteIds
delete from playlist_entries where user_id = :owner and playlist_id = :pid and id = any(:eids::bigint[])
returning track_id;
-- PlaylistRepository.bump
update playlists set version = version + 1, updated_at = :at where user_id = :owner and id = :pid returning version;
-- ActivityRepository.record
insert into playlist_activity (user_id, playlist_id, actor_id, action, version, detail, at)
values (:owner, :pid, :uid, 'removed', :version + 1, :rdetail::jsonb, :at);
COMMIT;
\endif
