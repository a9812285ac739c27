package io.refrain.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every statistic of some users from their stored listens, set-based: what a bulk load
 * (the benchmark data generator, a repair) needs instead of {@link ListenWriter}'s per-batch
 * upserts. The aggregations are the write path's definitions exactly (plays, skips,
 * {@code ms_played = coalesce(ms_played, track duration, 0)}, first and last play; artists are
 * the main and featured credits; days, months and hours in UTC), so the result equals what the
 * live writes would have produced. Users are done in chunks, each in one transaction, so a
 * chunk's listens are read once into a temporary table and the memory stays bounded.
 */
@Component
public class ListenStatsRebuild {

    static final int USERS_PER_CHUNK = 200;

    /**
     * Not listen_totals: deleting a user's totals row deletes their listens (the owner trigger of
     * V008), so totals are replaced by an upsert instead.
     */
    private static final String[] STATS_TABLES = {"listen_stats_tracks", "listen_stats_artists",
            "listen_stats_albums", "listen_stats_genres", "listen_days", "listen_months", "listen_hours"};

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ListenStatsRebuild(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Replaces the statistics of these users by a recomputation; {@code progress} gets the number
     * of users done so far (from several threads, one call at a time). Chunks run on
     * {@code parallelism} connections at once: the work is the database's (aggregation, index
     * and foreign-key maintenance), and chunks of different users never touch the same rows.
     */
    public void rebuild(Collection<UUID> users, int parallelism, LongConsumer progress) {
        List<UUID> all = new ArrayList<>(users);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += USERS_PER_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + USERS_PER_CHUNK)));
        }
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<UUID> chunk : chunks) {
                running.add(pool.submit(() -> {
                    transaction.executeWithoutResult(status -> rebuildChunk(chunk.toArray(UUID[]::new)));
                    synchronized (done) {
                        progress.accept(done.addAndGet(chunk.size()));
                    }
                }));
            }
            for (Future<?> chunk : running) {
                chunk.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding statistics", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rebuilds one user's statistics in the caller's transaction (which holds the user's lock). */
    void rebuildWithin(UUID user) {
        rebuildChunk(new UUID[] {user});
    }

    private void rebuildChunk(UUID[] users) {
        // a chunk of heavy users is more than the server's per-request statement timeout allows
        run("set local statement_timeout = 0");
        run("set local work_mem = '64MB'");
        for (String table : STATS_TABLES) {
            jdbc.sql("delete from " + table + " where user_id = any(:users)").param("users", users).update();
        }
        jdbc.sql("""
                create temporary table rebuild_played on commit drop as
                select l.user_id, l.listened_at, l.track_id, l.skipped, t.album_id,
                       coalesce(l.ms_played, t.duration_ms, 0)::bigint as ms, l.listened_at at time zone 'UTC' as utc
                from listens l join catalog_tracks t on t.id = l.track_id
                where l.user_id = any(:users)""").param("users", users).update();
        run("analyze rebuild_played");
        run("""
                insert into listen_totals as s (user_id, plays, ms_played, first_played_at, last_played_at)
                select user_id, count(*), sum(ms), min(listened_at), max(listened_at) from rebuild_played group by user_id order by user_id
                on conflict (user_id) do update set plays = excluded.plays, ms_played = excluded.ms_played,
                    first_played_at = excluded.first_played_at, last_played_at = excluded.last_played_at""");
        // users left without listens (an undone import was all they had) lose their totals row
        jdbc.sql("""
                delete from listen_totals t where t.user_id = any(:users)
                and not exists (select 1 from rebuild_played p where p.user_id = t.user_id)""").param("users", users).update();
        run("""
                insert into listen_stats_tracks (user_id, track_id, plays, skips, ms_played, first_played_at, last_played_at)
                select user_id, track_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
                from rebuild_played group by user_id, track_id order by user_id, track_id""");
        run("""
                insert into listen_stats_artists (user_id, artist_id, plays, skips, ms_played, first_played_at, last_played_at)
                select p.user_id, ta.artist_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
                       max(p.listened_at)
                from rebuild_played p join catalog_track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured')
                group by p.user_id, ta.artist_id order by p.user_id, ta.artist_id""");
        run("""
                insert into listen_stats_albums (user_id, album_id, plays, skips, ms_played, first_played_at, last_played_at)
                select user_id, album_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
                from rebuild_played where album_id is not null group by user_id, album_id order by user_id, album_id""");
        run("""
                insert into listen_stats_genres (user_id, genre_id, plays, skips, ms_played, first_played_at, last_played_at)
                select p.user_id, tg.genre_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
                       max(p.listened_at)
                from rebuild_played p join catalog_track_genres tg on tg.track_id = p.track_id
                group by p.user_id, tg.genre_id order by p.user_id, tg.genre_id""");
        run("""
                insert into listen_days (user_id, day, track_id, plays, ms_played)
                select user_id, utc::date, track_id, count(*), sum(ms) from rebuild_played group by 1, 2, 3 order by 1, 2, 3""");
        run("""
                insert into listen_months (user_id, month, track_id, plays, ms_played)
                select user_id, date_trunc('month', utc)::date, track_id, count(*), sum(ms) from rebuild_played group by 1, 2, 3 order by 1, 2, 3""");
        run("""
                insert into listen_hours (user_id, day, hour, plays, ms_played)
                select user_id, utc::date, extract(hour from utc)::smallint, count(*), sum(ms) from rebuild_played
                group by 1, 2, 3 order by 1, 2, 3""");
    }

    private void run(String sql) {
        jdbc.sql(sql).update();
    }
}
