package io.refrain.recommend;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the co-listening similarity from all users' listens (see {@link SimilarityRepository}):
 * batches of users, each its own transaction, then one transaction that sums, ranks and publishes
 * the run. Scheduled once across all servers; {@code refrain recommend similarity} runs it now with
 * a progress bar.
 */
@Component
class SimilarityJob {

    private static final Logger log = LoggerFactory.getLogger(SimilarityJob.class);

    /** How a run reports its progress: users done of all, listens read so far. */
    interface Progress {
        void update(long usersDone, long usersTotal, long listensRead);
    }

    /** What a run did. */
    record Result(long run, long users, long listens, long trackPairs, long artistPairs, long millis) {}

    private final SimilarityRepository similarity;
    private final RecommendProperties.Similarity settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SimilarityJob(
            SimilarityRepository similarity,
            RecommendProperties settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.similarity = similarity;
        this.settings = settings.similarity();
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Held at most 6 hours: a run over 10M listens takes minutes; a server that dies mid-run frees
     * the lock long before the next day's tick, and the next run marks its run failed.
     */
    @Scheduled(cron = "${refrain.recommend.similarity.cron}")
    @SchedulerLock(
            name = "recommend.similarity",
            lockAtMostFor = "6h",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduledRun() {
        run((done, total, listens) -> {});
    }

    Result run(Progress progress) {
        long started = System.currentTimeMillis();
        long run = transaction.execute(status -> similarity.start(clock.instant()));
        try {
            List<UUID> users = similarity.listeners();
            long listens = 0;
            for (int from = 0; from < users.size(); from += settings.usersPerBatch()) {
                List<UUID> batch = users.subList(from, Math.min(users.size(), from + settings.usersPerBatch()));
                SimilarityRepository.Batch written = transaction.execute(status -> similarity.addPairs(
                        run, batch, settings.sessionGap(), settings.pairWindow(), settings.maxPerUser()));
                listens += written.listens();
                long read = listens;
                transaction.executeWithoutResult(status -> similarity.progress(run, read));
                progress.update(from + batch.size(), users.size(), listens);
            }
            long[] pairs = transaction.execute(status -> {
                long[] written = similarity.finish(run, settings.minScore(), settings.neighbours());
                similarity.done(run, written[0], written[1], clock.instant());
                return written;
            });
            var result =
                    new Result(run, users.size(), listens, pairs[0], pairs[1], System.currentTimeMillis() - started);
            log.info(
                    "Similarity run {}: {} users, {} listens, {} track neighbours, {} artist neighbours in {} ms",
                    run,
                    result.users(),
                    result.listens(),
                    result.trackPairs(),
                    result.artistPairs(),
                    result.millis());
            return result;
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(
                    status -> similarity.failed(run, String.valueOf(e.getMessage()), clock.instant()));
            throw e;
        }
    }
}
