-- GET /api/v1/search/suggest?q={prefix}  (SearchService.suggest, @Transactional(readOnly = true); limit 10)
-- The prepare statement also returns the two LIKE patterns the API builds in Java (nq + '%', '% ' + nq + '%'),
-- so that suggest gets them as parameters as in the API.
\set n random(1, :samples)
SELECT prefix AS q FROM bench_sample WHERE n = :n \gset
\set lim 10
BEGIN READ ONLY;
-- SearchRepository.prepare (ranked = false: enable_seqscan on)
select refrain_search_normalize(:q) AS nq,
       refrain_search_normalize(:q) || '%' AS pfx, '% ' || refrain_search_normalize(:q) || '%' AS wpfx,
       set_config('pg_trgm.strict_word_similarity_threshold', '0.4', true) AS c1,
       set_config('pg_trgm.word_similarity_threshold', '0.6', true) AS c2,
       set_config('plan_cache_mode', 'force_custom_plan', true) AS c3,
       set_config('enable_seqscan', 'on', true) AS c4 \gset
-- SearchRepository.suggest
select type, id, text, detail from (
    (select 'artist' as type, a.id, a.name as text, null::text as detail,
            a.search_text like :pfx as whole, a.popularity
     from artists a
     where a.search_text like :pfx or a.search_text like :wpfx
     order by a.popularity desc nulls last, a.id limit :lim)
    union all
    (select 'track', t.id, t.title, nullif(t.artist_names, ''), t.search_text like :pfx, t.popularity
     from tracks t
     where t.search_text like :pfx or t.search_text like :wpfx
     order by t.popularity desc nulls last, t.id limit :lim)
    union all
    (select 'album', al.id, al.title, null, al.search_text like :pfx, al.popularity
     from albums al
     where al.search_text like :pfx or al.search_text like :wpfx
     order by al.popularity desc nulls last, al.id limit :lim)
) s
order by popularity desc nulls last, whole desc, type, id
limit :lim;
COMMIT;
