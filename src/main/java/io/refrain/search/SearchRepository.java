package io.refrain.search;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Search SQL over the catalog's normalised {@code search_text} columns (GIN full-text and
 * trigram indexes).
 * <p>
 * Candidates are the rows containing the query's words exactly and, when those are few, the rows
 * whose text contains whole words similar to the query ({@code <<%},
 * strict word similarity of at least {@link #STRICT_WORD_THRESHOLD}: one typo in a seven-letter
 * word still matches, while a short query like "tnt" does not match pieces of unrelated words).
 * They are ranked by that similarity, the similarity of the whole name (for a track: its title or
 * its artists, whichever is closer) and popularity. Scores are rounded to 6 decimals so that the
 * (score, id) keyset cursor compares exactly.
 * <p>
 * Every method takes the query already normalised by {@link #prepare}, as a plain parameter.
 */
@Repository
class SearchRepository {

    static final double STRICT_WORD_THRESHOLD = 0.4;
    /** For scripts without spaces, where a "word" is a whole phrase: the best-matching stretch counts. */
    static final double WORD_THRESHOLD = 0.6;

    static final BigDecimal FIRST_PAGE_SCORE = BigDecimal.valueOf(2);

    record Hit(long id, BigDecimal score) {}

    record ArtistHit(long id, String name, Integer popularity) {}

    record AlbumHit(long id, String title, String releaseDate, String artists) {}

    /**
     * Keyset condition; the first page starts after (2, 0), above any score. The candidates are
     * a materialised CTE so that each row's score is computed once, not again in the filter and
     * the sort.
     */
    private static final String AFTER = """
            and (x.score < :afterScore or (x.score = :afterScore and x.id > :afterId))
            order by x.score desc, x.id limit :limit""";

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Normalises the query the way the indexed columns are, and sets up the rest of the
     * transaction: the trigram thresholds; plans made for the actual query text (a generic plan
     * cannot use a trigram index for a LIKE pattern it does not know); and, for ranked search,
     * the trigram indexes over a sequential scan, since the planner prices the similarity
     * operators like a cheap comparison and on a small catalog would compute the similarity of
     * every row, ten times slower than the index.
     */
    String prepare(String q, boolean ranked) {
        return jdbc.sql("""
                        select refrain_search_normalize(:q),
                               set_config('pg_trgm.strict_word_similarity_threshold', :strict, true),
                               set_config('pg_trgm.word_similarity_threshold', :word, true),
                               set_config('plan_cache_mode', 'force_custom_plan', true),
                               set_config('enable_seqscan', :seqscan, true)""")
                .param("q", q)
                .param("strict", Double.toString(STRICT_WORD_THRESHOLD))
                .param("word", Double.toString(WORD_THRESHOLD))
                .param("seqscan", ranked ? "off" : "on")
                .query((rs, row) -> rs.getString(1))
                .single();
    }

    /**
     * Candidates come in two steps. Rows containing every query word exactly (full-text index,
     * no similarity computed) are taken first, whole-name matches and then the most popular, at
     * most {@link #EXACT_CANDIDATES}; only when there are fewer than that are rows with similar
     * words added (trigram index). So a common word ("love") costs a bounded amount of ranking
     * work however large the catalog, and a misspelt one still finds its matches.
     */
    private static final String CANDIDATES = """
            with exact as materialized (
                select c.id from {table} c
                where to_tsvector('simple', c.search_text) @@ plainto_tsquery('simple', :nq)
                order by ({whole}) desc, c.popularity desc nulls last, c.id
                limit :cap),
            fuzzy as materialized (
                select c.id from {table} c
                where {match} and (select count(*) from exact) < :cap),
            candidates as (select id from exact union select id from fuzzy),
            """;
    // The ranking steps below fetch the candidates as "id = any(array(...))": primary-key probes
    // for exactly those rows, where a join let the planner walk the whole primary key.

    static final int EXACT_CANDIDATES = 200;

    List<Hit> tracks(String nq, BigDecimal afterScore, long afterId, int limit) {
        return hits(
                CANDIDATES
                                .replace("{table}", "tracks")
                                .replace("{whole}", "c.title_search = :nq or c.artists_search = :nq")
                        + """
                x as materialized (
                    select t.id, round((0.55 * strict_word_similarity(:nq, t.search_text)
                                       + 0.30 * greatest(similarity(:nq, t.title_search), similarity(:nq, t.artists_search))
                                       + 0.15 * coalesce(t.popularity, 0) / 100.0)::numeric, 6) as score
                    from catalog_tracks t where t.id = any(array(select id from candidates)))
                select id, score from x where true
                """ + AFTER,
                nq,
                afterScore,
                afterId,
                limit);
    }

    /** Artists and albums rank the same way: by their one name. */
    private static final String NAME_HITS = """
            x as materialized (
                select e.id, round((0.55 * strict_word_similarity(:nq, e.search_text)
                                   + 0.30 * similarity(:nq, e.search_text)
                                   + 0.15 * coalesce(e.popularity, 0) / 100.0)::numeric, 6) as score
                from {table} e where e.id = any(array(select id from candidates)))
            select id, score from x where true
            """ + AFTER;

    List<Hit> artists(String nq, BigDecimal afterScore, long afterId, int limit) {
        return hits(
                (CANDIDATES + NAME_HITS).replace("{table}", "artists").replace("{whole}", "c.search_text = :nq"),
                nq,
                afterScore,
                afterId,
                limit);
    }

    List<Hit> albums(String nq, BigDecimal afterScore, long afterId, int limit) {
        return hits(
                (CANDIDATES + NAME_HITS).replace("{table}", "albums").replace("{whole}", "c.search_text = :nq"),
                nq,
                afterScore,
                afterId,
                limit);
    }

    /**
     * The candidate condition. Scripts written without spaces between words (Chinese, Japanese,
     * Thai, …) make a whole title one "word", so for them the best-matching stretch of the text
     * counts ({@code <%}, word similarity): "御伽" finds "御伽の街". The trigram index serves both.
     */
    private static String match(String nq) {
        return (writtenWithoutSpaces(nq) ? ":nq <% " : ":nq <<% ") + "c.search_text";
    }

    static boolean writtenWithoutSpaces(String q) {
        return q.codePoints().anyMatch(c -> switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        });
    }

    private List<Hit> hits(String sql, String nq, BigDecimal afterScore, long afterId, int limit) {
        return jdbc.sql(sql.replace("{match}", match(nq)))
                .param("nq", nq)
                .param("cap", EXACT_CANDIDATES)
                .param("afterScore", afterScore)
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Hit.class)
                .list();
    }

    List<ArtistHit> artistsByIds(List<Long> ids) {
        return jdbc.sql("select id, name, popularity from catalog_artists where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(ArtistHit.class)
                .list();
    }

    List<AlbumHit> albumsByIds(List<Long> ids) {
        return jdbc.sql("""
                        select al.id, al.title, refrain_partial_date(al.release_date, al.release_date_precision) as release_date,
                               (select string_agg(a.name, ', ' order by aa.position)
                                from catalog_album_artists aa join catalog_artists a on a.id = aa.artist_id where aa.album_id = al.id) as artists
                        from catalog_albums al where al.id = any(:ids)""")
                .param("ids", ids.toArray(Long[]::new))
                .query(AlbumHit.class)
                .list();
    }

    /**
     * Autocomplete: names whose normalised form starts with the query, or has a word that does,
     * most popular first (a whole-name prefix wins a tie). From three characters on the trigram
     * index finds the candidates; for one or two, walking the popularity index until the first
     * matches is cheaper, and the planner picks that.
     */
    List<Suggestion> suggest(String nq, int limit) {
        return jdbc.sql("""
                        select type, id, text, detail from (
                            (select 'artist' as type, a.id, a.name as text, null::text as detail,
                                    a.search_text like :prefix as whole, a.popularity
                             from catalog_artists a
                             where a.search_text like :prefix or a.search_text like :wordPrefix
                             order by a.popularity desc nulls last, a.id limit :limit)
                            union all
                            (select 'track', t.id, t.title, nullif(t.artist_names, ''), t.search_text like :prefix, t.popularity
                             from catalog_tracks t
                             where t.search_text like :prefix or t.search_text like :wordPrefix
                             order by t.popularity desc nulls last, t.id limit :limit)
                            union all
                            (select 'album', al.id, al.title, null, al.search_text like :prefix, al.popularity
                             from catalog_albums al
                             where al.search_text like :prefix or al.search_text like :wordPrefix
                             order by al.popularity desc nulls last, al.id limit :limit)
                        ) s
                        order by popularity desc nulls last, whole desc, type, id
                        limit :limit""")
                // normalised text has no punctuation, so no LIKE wildcard can be in nq
                .param("prefix", nq + "%")
                .param("wordPrefix", "% " + nq + "%")
                .param("limit", limit)
                .query(Suggestion.class)
                .list();
    }
}
