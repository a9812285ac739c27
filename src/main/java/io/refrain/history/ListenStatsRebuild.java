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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every statistic of some users from their stored listens, set-based: what a bulk load
 * (the benchmark data generator, a repair) needs instead of {@link ListenWriteRepository}'s per-batch
 * upserts. Both are generated from the one definition of each {@link ListenStatistic}, so the
 * result equals what the live writes would have produced. Users are done in chunks, each in one
 * transaction ({@link ListenStatsRebuildRepository}).
 */
@Component
public class ListenStatsRebuild {

    static final int USERS_PER_CHUNK = 200;

    private final ListenStatsRebuildRepository repository;
    private final TransactionTemplate transaction;

    ListenStatsRebuild(ListenStatsRebuildRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
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
        repository.rebuild(users);
    }
}
