package io.refrain.recommend;

import io.refrain.platform.db.JobSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Co-listening similarity in SQL, after ListenBrainz's method: each user's listens are cut into
 * sessions at gaps longer than the session gap; skipped listens are left out; each listen pairs
 * with the next {@code pairWindow} listens of its session; one user adds at most
 * {@code maxPerUser} to a pair; pairs of the same (first-credited) artist are left out; a pair's
 * score is the sum over users. Runs write their own rows ({@code run_id}); readers see only the
 * latest finished run.
 */
@Repository
class SimilarityRepository {

    private final JdbcClient jdbc;

    SimilarityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a run; a run another server left unfinished (it stopped) is marked failed first. */
    long start(Instant now) {
        jdbc.sql(
                        "update similarity_runs set status = 'failed', detail = 'left unfinished', finished_at = :now where status = 'running'")
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql(
                        "delete from similarity_pairs where run_id in (select id from similarity_runs where status <> 'running')")
                .update();
        return jdbc.sql("insert into similarity_runs (started_at, status) values (:now, 'running') returning id")
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Every user with listens, in id order (the job walks them in batches). */
    List<UUID> listeners() {
        return jdbc.sql("select user_id from history_versions order by user_id")
                .query(UUID.class)
                .list();
    }

    /** The listens read and the pair rows written for one batch of users. */
    record Batch(long listens, long pairs) {}

    Batch addPairs(long run, List<UUID> users, Duration sessionGap, int window, int maxPerUser) {
        JobSession.apply(jdbc);
        String next = IntStream.rangeClosed(1, window)
                .mapToObj(k -> "lead(track_id, %1$d) over w, lead(session, %1$d) over w".formatted(k))
                .collect(Collectors.joining(", "));
        String pairs = IntStream.rangeClosed(1, window)
                .mapToObj(k -> "(n.next[%d], n.next[%d])".formatted(2 * k - 1, 2 * k))
                .collect(Collectors.joining(", "));
        return jdbc.sql("""
                        with l as (
                            select user_id, track_id, listened_at,
                                   case when listened_at - lag(listened_at) over (partition by user_id order by listened_at, track_id)
                                             <= :gap * interval '1 second' then 0 else 1 end as starts
                            from history_listens
                            where user_id = any(:users) and not skipped),
                        s as (
                            select user_id, track_id, listened_at,
                                   sum(starts) over (partition by user_id order by listened_at, track_id) as session
                            from l),
                        n as (
                            select user_id, track_id, session, array[%s]::bigint[] as next
                            from s
                            window w as (partition by user_id order by listened_at, track_id)),
                        p as (
                            select n.user_id, least(n.track_id, o.track) as a, greatest(n.track_id, o.track) as b
                            from n cross join lateral (values %s) as o(track, session)
                            where o.session = n.session and o.track <> n.track_id),
                        written as (
                            insert into similarity_pairs (run_id, track_a, track_b, score)
                            select :run, a, b, sum(capped)
                            from (select a, b, least(count(*), :maxPerUser) as capped from p group by user_id, a, b) c
                            group by a, b
                            returning 1)
                        select (select count(*) from l), (select count(*) from written)""".formatted(next, pairs))
                .param("run", run)
                .param("users", users.toArray(UUID[]::new))
                .param("gap", (double) sessionGap.toSeconds())
                .param("maxPerUser", maxPerUser)
                .query((rs, n) -> new Batch(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /**
     * Sums the run's pairs, keeps those scoring at least {@code minScore} whose first-credited
     * artists differ, and writes each track's and each artist's best {@code neighbours}; returns
     * the track and artist rows written.
     */
    long[] finish(long run, int minScore, int neighbours) {
        JobSession.apply(jdbc);
        long tracks = jdbc.sql("""
                        with totals as materialized (
                            select p.track_a, p.track_b, sum(p.score)::int as score
                            from similarity_pairs p
                            where p.run_id = :run
                            group by p.track_a, p.track_b
                            having sum(p.score) >= :min),
                        kept as materialized (
                            select t.track_a, t.track_b, t.score, aa.artist_id as artist_a, ab.artist_id as artist_b
                            from totals t
                            join catalog_track_artists aa on aa.track_id = t.track_a and aa.position = 0
                            join catalog_track_artists ab on ab.track_id = t.track_b and ab.position = 0
                            where aa.artist_id <> ab.artist_id),
                        both_ways as (
                            select track_a as track_id, track_b as similar_id, score from kept
                            union all select track_b, track_a, score from kept),
                        ranked as (
                            select track_id, similar_id, score,
                                   row_number() over (partition by track_id order by score desc, similar_id) as r
                            from both_ways),
                        artist_pairs as (
                            select artist_a as artist_id, artist_b as similar_id, score from kept
                            union all select artist_b, artist_a, score from kept),
                        artist_ranked as (
                            select artist_id, similar_id, score,
                                   row_number() over (partition by artist_id order by score desc, similar_id) as r
                            from (select artist_id, similar_id, sum(score)::int as score from artist_pairs group by 1, 2) x),
                        artists_written as (
                            insert into artist_similarity (run_id, artist_id, similar_id, score)
                            select :run, artist_id, similar_id, score from artist_ranked where r <= :neighbours
                            returning 1)
                        insert into track_similarity (run_id, track_id, similar_id, score)
                        select :run, track_id, similar_id, score from ranked where r <= :neighbours""")
                .param("run", run)
                .param("min", minScore)
                .param("neighbours", neighbours)
                .update();
        long artists = jdbc.sql("select count(*) from artist_similarity where run_id = :run")
                .param("run", run)
                .query(Long.class)
                .single();
        return new long[] {tracks, artists};
    }

    void progress(long run, long listens) {
        jdbc.sql("update similarity_runs set listens_read = :listens where id = :run")
                .param("run", run)
                .param("listens", listens)
                .update();
    }

    /** Marks the run done, makes it the one readers see, and drops older runs and the scratch rows. */
    void done(long run, long trackPairs, long artistPairs, Instant now) {
        jdbc.sql("""
                        update similarity_runs set status = 'done', finished_at = :now, track_pairs = :tracks,
                            artist_pairs = :artists where id = :run""")
                .param("run", run)
                .param("now", Timestamp.from(now))
                .param("tracks", trackPairs)
                .param("artists", artistPairs)
                .update();
        jdbc.sql("delete from similarity_pairs where run_id = :run")
                .param("run", run)
                .update();
        jdbc.sql("delete from similarity_runs where id < :run and status <> 'running'")
                .param("run", run)
                .update();
    }

    void failed(long run, String detail, Instant now) {
        jdbc.sql("update similarity_runs set status = 'failed', detail = :detail, finished_at = :now where id = :run")
                .param("run", run)
                .param("detail", detail)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("delete from similarity_pairs where run_id = :run")
                .param("run", run)
                .update();
    }
}
