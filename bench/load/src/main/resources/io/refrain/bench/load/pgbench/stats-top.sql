-- GET /api/v1/me/stats/top/artists?range=month  (StatsService.top -> StatsRepository.top; autocommit)
-- from = today (UTC) - 29 days, firstMonth = first whole month in the range; computed by the pick.
\set n random(1, :samples)
SELECT user_id AS uid, (now() at time zone 'UTC')::date - 29 AS dfrom,
       case when extract(day from (now() at time zone 'UTC')::date - 29) = 1 then (now() at time zone 'UTC')::date - 29
            else (date_trunc('month', (now() at time zone 'UTC')::date - 29) + interval '1 month')::date end AS fmonth
FROM bench_sample WHERE n = :n \gset
\set lim 20
\set off 0
-- StatsRepository.top (ARTISTS, range rows: listen_days of the partial month + listen_months)
with ranked as (select ta.artist_id as id, sum(r.plays) as plays, sum(r.ms_played) as ms from (select track_id, plays, ms_played from listen_days where user_id = :uid and day >= :dfrom::date and day < :fmonth::date union all select track_id, plays, ms_played from listen_months where user_id = :uid and month >= :fmonth::date) r join track_artists ta on ta.track_id = r.track_id and ta.role in ('main', 'featured') group by ta.artist_id order by plays desc, ms desc, id limit :lim offset :off) select r.id, a.name, null::text, r.plays, r.ms from ranked r join artists a on a.id = r.id order by r.plays desc, r.ms desc, r.id;
