-- The population one benchmark run draws from, kept in the database so the load test (through
-- the API) and the pgbench ceiling (bare SQL) use the very same users, tracks and playlists.
-- Rebuilt at the start of every run; :samples and :seed are substituted by the runner.
drop table if exists bench_sample;
drop table if exists bench_sample_playlist;
select setseed(:seed);
create table bench_sample as
with picked as (
    select u.id as user_id, u.email,
           substring(u.email from '^bench-user-([0-9]+)@')::int % 10 = 0 as sparse
    from users u
    where u.email like 'bench-user-%@refrain.bench'
    order by random()
    limit :samples
), with_track as (
    -- a track the user really plays (one of their top ten), so catalog pages and searches follow taste
    select p.*, (select s.track_id from listen_stats_tracks s
                 where s.user_id = p.user_id
                 order by s.plays desc, s.ms_played desc, s.track_id
                 offset floor(random() * 10)::int limit 1) as track_id
    from picked p
), with_track_any as (
    select w.user_id, w.email, w.sparse,
           coalesce(w.track_id, (select s.track_id from listen_stats_tracks s
                                 where s.user_id = w.user_id order by s.plays desc limit 1)) as track_id
    from with_track w
)
select (row_number() over (order by w.email))::int as n,
       w.user_id, w.email, w.sparse, w.track_id,
       t.album_id,
       (select ta.artist_id from track_artists ta where ta.track_id = t.id order by ta.position limit 1) as artist_id,
       lower(coalesce(substring(t.title from '([[:alpha:]]{3,})'), 'love')) as term
from with_track_any w
join tracks t on t.id = w.track_id;
alter table bench_sample add primary key (n);
alter table bench_sample add column prefix text;
update bench_sample set prefix = left(term, 3);

-- the sampled users' own playlists (users without one do not edit or read playlists); not the
-- few that are (nearly) full, where an added track is refused with 409 playlist-full
create table bench_sample_playlist as
select (row_number() over (order by s.n, p.id))::int as n, s.user_id, p.id as playlist_id
from bench_sample s
join lateral (select p.id from playlists p where p.user_id = s.user_id and p.track_count < 9900
              order by p.id limit 2) p on true;
alter table bench_sample_playlist add primary key (n);
analyze bench_sample;
analyze bench_sample_playlist;
