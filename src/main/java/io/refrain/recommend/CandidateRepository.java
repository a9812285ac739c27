package io.refrain.recommend;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a recommendation: seeds, the candidate sources (co-listening, artist neighbours,
 * feature neighbours by the GiST index on the sound vector, popular in a genre) and the one
 * statement that applies the hard filters to all candidates and reads what scoring needs. A fixed
 * number of statements per request, each bounded by a limit, whatever the seeds.
 */
@Repository
class CandidateRepository {

    private static final String CURRENT_RUN = "(select max(id) from similarity_runs where status = 'done')";

    private final JdbcClient jdbc;

    CandidateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SeedTrack(long id, String title, Long artistId, double[] vector) {}

    record Named(long id, String name) {}

    /** One piece of evidence: this candidate came from {@code via} (a seed track, artist or genre) with this score. */
    record Evidence(long candidate, long via, double score) {}

    List<SeedTrack> seedTracks(Collection<Long> ids) {
        return jdbc.sql("""
                        select t.id, t.title, a.artist_id, v.feature_vector::text
                        from catalog_tracks t
                        left join catalog_track_artists a on a.track_id = t.id and a.position = 0
                        left join catalog_track_vectors v on v.track_id = t.id
                        where t.id = any(:ids)""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) ->
                        new SeedTrack(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), vector(rs.getString(4))))
                .list();
    }

    List<Named> artists(Collection<Long> ids) {
        return jdbc.sql("select id, name from catalog_artists where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2)))
                .list();
    }

    List<Named> genres(Collection<String> names) {
        return jdbc.sql(
                        "select distinct on (lower(name)) id, name from catalog_genres where lower(name) = any(:names) order by lower(name), id")
                .param(
                        "names",
                        names.stream()
                                .map(n -> n.toLowerCase(java.util.Locale.ROOT))
                                .toArray(String[]::new))
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Each seed's most co-listened tracks in the current similarity run. */
    List<Evidence> coListened(Collection<Long> seeds, int perSeed) {
        return jdbc.sql("""
                        select s.similar_id, seed.id, s.score
                        from unnest(:seeds) as seed(id)
                        cross join lateral (
                            select similar_id, score from track_similarity
                            where run_id = %s and track_id = seed.id
                            order by score desc, similar_id desc limit :n) s""".formatted(CURRENT_RUN))
                .param("seeds", seeds.toArray(Long[]::new))
                .param("n", perSeed)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /**
     * For each seed artist: the most popular tracks of it and of its most co-listened artists;
     * {@code via} is the seed artist, the score the neighbour's (the seed itself scores as its best neighbour).
     */
    List<Evidence> artistNeighbours(Collection<Long> seeds, int neighbours, int tracksPerArtist) {
        return jdbc.sql("""
                        with n as (
                            select seed.id as seed, x.similar_id as artist, x.score
                            from unnest(:seeds) as seed(id)
                            cross join lateral (
                                select similar_id, score from artist_similarity
                                where run_id = %s and artist_id = seed.id
                                order by score desc, similar_id desc limit :neighbours) x
                            union all
                            select seed.id, seed.id, coalesce((select max(score) from artist_similarity
                                                               where run_id = %1$s and artist_id = seed.id), 1)
                            from unnest(:seeds) as seed(id))
                        select tr.track_id, n.seed, n.score, n.artist
                        from n cross join lateral (
                            select ta.track_id from catalog_track_artists ta join catalog_tracks t on t.id = ta.track_id
                            where ta.artist_id = n.artist and ta.position = 0
                            order by t.popularity desc nulls last, t.id limit :perArtist) tr""".formatted(CURRENT_RUN))
                .param("seeds", seeds.toArray(Long[]::new))
                .param("neighbours", neighbours)
                .param("perArtist", tracksPerArtist)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /**
     * The tracks whose sound is nearest the target (score: the distance): from the target's sound
     * cell and the cells next to it ({@link SoundCell}), ranked by the full distance; when those
     * hold fewer than {@code limit} tracks, from every cell around it; when even those do not (a
     * small catalog), by the GiST index over all tracks.
     */
    List<Evidence> nearest(double[] target, int limit) {
        List<Evidence> near = inCells(target, SoundCell.around(target), limit);
        if (near.size() < limit) {
            near = inCells(target, SoundCell.wide(target), limit);
        }
        return near.size() >= limit ? near : nearestOverAll(target, limit);
    }

    /**
     * At most this many tracks of the cells are ranked: cells are uneven (on the medium dataset up
     * to ~29,000 tracks in one, the median 344), and the dense ones are dense because that is where
     * the catalog's sound is, so a part of them is still near the target.
     */
    static final int CELL_ROWS = 2000;

    private List<Evidence> inCells(double[] target, List<Integer> cells, int limit) {
        return jdbc.sql("""
                        with cells as materialized ( -- the cells by their index, never the GiST order filtered by cell
                            select track_id, feature_vector from catalog_track_vectors where sound_cell = any(:cells)
                            limit :cap)
                        select track_id, feature_vector <-> cube(cast(:target as float8[])) as distance
                        from cells order by 2 limit :n""")
                .param("target", boxed(target))
                .param("cells", cells.stream().map(Integer::shortValue).toArray(Short[]::new))
                .param("cap", CELL_ROWS)
                .param("n", limit)
                .query((rs, n) -> new Evidence(rs.getLong(1), 0, rs.getDouble(2)))
                .list();
    }

    private List<Evidence> nearestOverAll(double[] target, int limit) {
        return jdbc.sql("""
                        select track_id, feature_vector <-> cube(cast(:target as float8[])) as distance
                        from catalog_track_vectors
                        order by feature_vector <-> cube(cast(:target as float8[])) limit :n""")
                .param("target", boxed(target))
                .param("n", limit)
                .query((rs, n) -> new Evidence(rs.getLong(1), 0, rs.getDouble(2)))
                .list();
    }

    /**
     * Popular tracks of each genre: by distinct listeners of the last 30 days (popular now), and
     * the catalog's most popular of the genre after them; {@code via} is the genre, the score 1 for
     * the first and falling.
     */
    List<Evidence> popularInGenres(Collection<Long> genres, int perGenre) {
        return jdbc.sql("""
                        select track_id, genre_id, 1.0 / (1 + r * 0.05) as score
                        from (
                            select g.id as genre_id, x.track_id, row_number() over (partition by g.id order by x.o, x.track_id) as r
                            from unnest(:genres) as g(id)
                            cross join lateral (
                                (select entity_id as track_id, listeners_rank as o from popular_now
                                 where window_days = 30 and genre_id = g.id and kind = 'track'
                                 order by listeners_rank limit :n)
                                union all
                                (select track_id, 1000000 + row_number() over (order by popularity desc, track_id) from catalog_track_genres
                                 where genre_id = g.id order by popularity desc, track_id limit :n)) x) y
                        where r <= :n""")
                .param("genres", genres.stream().map(Long::intValue).toArray(Integer[]::new))
                .param("n", perGenre)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                .list();
    }

    /** The most played tracks of the last 30 days (popular now's list); the score 1 for the first and falling. */
    List<Evidence> popularNow(int n) {
        return jdbc.sql("""
                        select entity_id, plays_rank from popular_now
                        where window_days = 30 and genre_id = 0 and kind = 'track'
                        order by plays_rank limit :n""")
                .param("n", n)
                .query((rs, i) -> new Evidence(rs.getLong(1), 0, 1 - (rs.getInt(2) - 1) / (double) n))
                .list();
    }

    /**
     * What the hard filters ask: bounds per attribute, the explicit setting, the reader's recent
     * plays, whether only tracks the reader never played may pass, and the oldest discovery session
     * kept.
     */
    record Filters(
            Map<Attribute, Attribute.Constraint> bounds,
            boolean blockExplicit,
            Instant recentlyPlayedSince,
            boolean unplayedOnly,
            Collection<Long> exclude,
            Instant now,
            Instant sessionsSince) {}

    /** A candidate that passed the hard filters, with what scoring needs. */
    record Candidate(
            long id,
            String title,
            Long artistId,
            String artistName,
            double[] vector,
            double[] values,
            int myPlays,
            boolean familiarArtist,
            boolean lovedArtist,
            boolean acceptedArtist,
            long[] genres) {}

    /** Attributes outside the sound vector, read for targets, in this order. */
    static final List<Attribute> VALUES = List.of(
            Attribute.POPULARITY, Attribute.DURATION_MS, Attribute.KEY, Attribute.MODE, Attribute.TIME_SIGNATURE);

    /**
     * Keeps the candidates that pass every hard filter: each min_/max_, not explicit when the reader
     * blocks it, not played by the reader since {@code recentlyPlayedSince}, no thumbs down on it or on
     * any of its artists, not skipped by the reader after a discovery session showed it, not excluded
     * (the seeds).
     */
    List<Candidate> filter(UUID reader, Collection<Long> candidates, Filters filters) {
        StringBuilder bounds = new StringBuilder();
        List<Object[]> params = new ArrayList<>();
        filters.bounds().forEach((attribute, c) -> {
            if (c.min() != null) {
                bounds.append(" and ").append(attribute.sql).append(" >= :min_").append(attribute.name);
                params.add(new Object[] {"min_" + attribute.name, c.min()});
            }
            if (c.max() != null) {
                bounds.append(" and ").append(attribute.sql).append(" <= :max_").append(attribute.name);
                params.add(new Object[] {"max_" + attribute.name, c.max()});
            }
        });
        String values =
                String.join(", ", VALUES.stream().map(a -> a.sql + "::float8").toList());
        var spec = jdbc.sql("""
                        select t.id, t.title, a.artist_id, ar.name, v.feature_vector::text, array[%s] as vals,
                               coalesce(s.plays, 0) as my_plays,
                               exists (select 1 from history_artist_stats h where h.user_id = :reader and h.artist_id = a.artist_id) as familiar,
                               exists (select 1 from artist_feedback af where af.user_id = :reader and af.artist_id = a.artist_id and af.score > 0) as loved,
                               exists (select 1 from discovery_sessions d
                                       join discovery_session_tracks dt on dt.session_id = d.id
                                       join catalog_track_artists da on da.track_id = dt.track_id and da.position = 0
                                       join history_track_stats hs on hs.user_id = d.user_id and hs.track_id = dt.track_id
                                       where d.user_id = :reader and d.created_at > cast(:now as timestamptz) - interval '30 days'
                                         and da.artist_id = a.artist_id and hs.last_played_at > d.created_at) as accepted,
                               array(select genre_id::bigint from catalog_track_genres g where g.track_id = t.id) as genres
                        from catalog_tracks t
                        left join catalog_track_artists a on a.track_id = t.id and a.position = 0
                        left join catalog_artists ar on ar.id = a.artist_id
                        left join catalog_audio_features f on f.track_id = t.id
                        left join catalog_track_vectors v on v.track_id = t.id
                        left join history_track_stats s on s.user_id = :reader and s.track_id = t.id
                        where t.id = any(:candidates) and not (t.id = any(:exclude))
                          and (not :blockExplicit or not t.explicit)
                          and (s.last_played_at is null or s.last_played_at < :recent)
                          and (not :unplayed or s.track_id is null)
                          and not exists (select 1 from track_feedback tf where tf.user_id = :reader and tf.track_id = t.id and tf.score < 0)
                          and not exists (select 1 from catalog_track_artists x join artist_feedback af
                                              on af.user_id = :reader and af.artist_id = x.artist_id and af.score < 0
                                          where x.track_id = t.id)
                          and not exists (select 1 from discovery_session_tracks dt join discovery_sessions d on d.id = dt.session_id
                                          join history_listens l on l.user_id = d.user_id and l.track_id = dt.track_id
                                              and l.listened_at > d.created_at and l.listened_at > :sessionsSince and l.skipped
                                          where dt.track_id = t.id and d.user_id = :reader)%s""".formatted(values, bounds))
                .param("reader", reader)
                .param("candidates", candidates.toArray(Long[]::new))
                .param("exclude", filters.exclude().toArray(Long[]::new))
                .param("blockExplicit", filters.blockExplicit())
                .param("recent", Timestamp.from(filters.recentlyPlayedSince()))
                .param("unplayed", filters.unplayedOnly())
                // no session is older (retention): the bound lets the planner skip older listens partitions
                .param("sessionsSince", Timestamp.from(filters.sessionsSince()))
                .param("now", Timestamp.from(filters.now()));
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec.query((rs, n) -> candidate(rs)).list();
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(
                rs.getLong(1),
                rs.getString(2),
                (Long) rs.getObject(3),
                rs.getString(4),
                vector(rs.getString(5)),
                doubles(rs.getArray(6)),
                rs.getInt(7),
                rs.getBoolean(8),
                rs.getBoolean(9),
                rs.getBoolean(10),
                Arrays.stream((Long[]) rs.getArray(11).getArray())
                        .mapToLong(Long::longValue)
                        .toArray());
    }

    /** A cube's text form, {@code (0.5, 0.25, …)}, as numbers; null for no vector. */
    static double[] vector(String cube) {
        if (cube == null) {
            return null;
        }
        String inner = cube.substring(1, cube.length() - 1);
        return Arrays.stream(inner.split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim()))
                .toArray();
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return result;
    }

    private static Double[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }
}
