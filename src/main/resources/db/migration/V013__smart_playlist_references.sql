-- Access is checked where data is read: a smart playlist's evaluation tests, in the statement that
-- reads playlist_entries, whether its owner may read each playlist its rules name (see
-- RuleTranslator). The membership is stored, though, and rebuilt only when stale; so when access to
-- a playlist ends (made private, a collaborator removed, the playlist deleted) every stored
-- membership built from it is marked for rebuilding at its next read, with no minimum delay.
-- This table says which smart playlists name which playlists (plain or smart), as the rules do.

create table smart_playlist_references (
    user_id           uuid not null,
    smart_playlist_id uuid not null,
    playlist_id       uuid not null,   -- no foreign key: a deleted playlist stays named by the rules
    primary key (user_id, smart_playlist_id, playlist_id),
    foreign key (user_id, smart_playlist_id) references smart_playlists (user_id, id) on delete cascade
);
create index smart_playlist_references_playlist on smart_playlist_references (playlist_id, user_id);

-- the references of the rules saved so far (canonical form: {"inPlaylist": {"id": "<uuid>"}})
insert into smart_playlist_references (user_id, smart_playlist_id, playlist_id)
select distinct s.user_id, s.id, (ref #>> '{}')::uuid
from smart_playlists s,
     jsonb_path_query(s.rules, 'lax $.**.inPlaylist.id') ref
union
select distinct s.user_id, s.id, (ref #>> '{}')::uuid
from smart_playlists s,
     jsonb_path_query(s.rules, 'lax $.**.notInPlaylist.id') ref;
-- memberships built before evaluation checked access: rebuilt at their next read
update smart_playlists set refreshed_version = null
where id in (select smart_playlist_id from smart_playlist_references);

-- Marks stale (refreshed_version null: rebuilt at the next read, without the minimum delay) every
-- smart playlist that names one of the playlists, directly or through other smart playlists, of
-- the given user (null: of any user). The rows are locked outermost first, the order in which a
-- refresh locks them (a smart playlist before those it names), so the two never deadlock.
create function smart_playlists_mark_stale(playlist uuid, only_user uuid) returns void language plpgsql as $$
declare
    stale uuid[];
begin
    select array_agg(locked.id) into stale from (
        select s.id from smart_playlists s
        join (with recursive affected (user_id, id, depth) as (
                  select r.user_id, r.smart_playlist_id, 1 from smart_playlist_references r
                  where r.playlist_id = playlist and (only_user is null or r.user_id = only_user)
                  union all
                  select r.user_id, r.smart_playlist_id, a.depth + 1 from smart_playlist_references r
                  join affected a on r.user_id = a.user_id and r.playlist_id = a.id
                  where a.depth < 12)  -- nesting is at most 10 deep and cycles are refused on save
              select user_id, id, max(depth) as depth from affected group by user_id, id) a
          on s.user_id = a.user_id and s.id = a.id
        order by a.depth desc, s.id
        for update of s) locked;
    if stale is not null then
        update smart_playlists set refreshed_version = null where id = any(stale) and refreshed_version is not null;
    end if;
end $$;

create function smart_playlists_playlist_closed() returns trigger language plpgsql as $$
begin
    perform smart_playlists_mark_stale(old.id, null);
    return null;
end $$;
-- made private: other users' smart playlists lose it (the owner's and collaborators' rebuild for nothing, rarely)
create trigger playlists_smart_private after update of public on playlists
    for each row when (old.public and not new.public) execute function smart_playlists_playlist_closed();
create trigger playlists_smart_deleted after delete on playlists
    for each row execute function smart_playlists_playlist_closed();
-- a smart playlist deleted: those naming it now get nothing from it
create trigger smart_playlists_smart_deleted after delete on smart_playlists
    for each row execute function smart_playlists_playlist_closed();

create function smart_playlists_collaborator_removed() returns trigger language plpgsql as $$
begin
    perform smart_playlists_mark_stale(old.playlist_id, old.user_id);
    return null;
end $$;
create trigger playlist_collaborators_smart_removed after delete on playlist_collaborators
    for each row execute function smart_playlists_collaborator_removed();
