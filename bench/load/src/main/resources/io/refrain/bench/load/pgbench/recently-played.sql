-- GET /api/v1/me/recently-played?limit=20  (HistoryService.recentlyPlayed -> ListenReader.page, CatalogService.tracks)
-- A history within 12 months is read whole by one statement (ListenReader.SHORT_SPAN_MONTHS);
-- a longer one walks the months with listens, newest first (unrolled below).
-- No transaction in the API (autocommit). The month walk is data-dependent: the listens statement
-- and the listen_months probe are wrapped in a trivial outer select so pgbench can read the row
-- count / next month (\gset needs one row); the inner statements are the API's text.
\set n random(1, :samples)
SELECT user_id AS uid FROM bench_sample WHERE n = :n \gset
-- ListenReader.page: the span (wrapped: month bounds of the last listen computed alongside)
SELECT (date_trunc('month', s.last_played_at at time zone 'UTC')) at time zone 'UTC' AS mfrom,
       (date_trunc('month', s.last_played_at at time zone 'UTC') + interval '1 month') at time zone 'UTC' AS mto,
       date_trunc('month', s.last_played_at at time zone 'UTC')::date AS mday,
       '{}'::bigint[] AS acc, 0 AS total,
       (date_trunc('month', s.first_played_at at time zone 'UTC')) at time zone 'UTC' AS sfrom,
       (date_trunc('month', s.last_played_at at time zone 'UTC')
          < date_trunc('month', s.first_played_at at time zone 'UTC') + interval '12 months')::int AS short
FROM (select first_played_at, last_played_at from listen_totals where user_id = :uid) s \gset
\set go 1
\if :short
-- ListenReader.page, a span within 12 months: the whole span in one statement, no month walk
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :sfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit 21),
     a AS (SELECT coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\set go 0
\endif
\set lim 21
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
\if :go
\set lim 21 - :total
-- ListenReader.range: one month, newest first (limit = 21 - rows so far)
WITH r AS (select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
           from listens l
           where l.user_id = :uid and l.listened_at >= :mfrom and l.listened_at < :mto
           order by l.listened_at desc, l.track_id desc limit :lim),
     a AS (SELECT :acc::bigint[] || coalesce(array_agg(track_id), '{}') AS acc FROM r)
SELECT acc, cardinality(acc) AS total,
       (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(acc[1:20]) x) AS ids FROM a \gset
\if :total < 21
-- ListenReader.previousMonth: the next older month with listens (index probe)
SELECT (m.month is not null)::int AS go,
       coalesce(m.month::timestamp at time zone 'UTC', 'epoch') AS mfrom,
       coalesce((m.month + interval '1 month') at time zone 'UTC', 'epoch') AS mto,
       coalesce(m.month, 'epoch'::date) AS mday
FROM (SELECT (select month from listen_months where user_id = :uid and month < :mday::date order by month desc limit 1) AS month) m \gset
\else
\set go 0
\endif
\endif
-- TrackStateRepository.states (CatalogService.personalise): the page's distinct track ids
select u.id,
       exists (select 1 from saved_tracks s where s.user_id = :uid and s.track_id = u.id) as saved,
       (select r.rating from track_ratings r where r.user_id = :uid and r.track_id = u.id) as rating,
       exists (select 1 from loved_tracks l where l.user_id = :uid and l.track_id = u.id) as loved
from unnest(:ids::bigint[]) u(id);
