package io.refrain.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes stale catalog entries: tracks that a source connector fetched on demand, that nobody
 * has requested for {@link CatalogProperties#staleAfter()}, that were requested fewer than
 * {@link CatalogProperties#staleMaxAccesses()} times, and that no user data references (asked of
 * every {@link TrackUsage}). Imported and admin-made entries are the catalog itself and stay.
 * Works in batches, one short transaction each, then drops connector-made albums and artists
 * left without tracks.
 */
@Component
class StaleEntryCleanup {

    private static final Logger log = LoggerFactory.getLogger(StaleEntryCleanup.class);

    record Result(int examined, int removed, int kept) {}

    private final StaleEntryRepository repository;
    private final TransactionTemplate transaction;
    private final List<TrackUsage> usages;
    private final CatalogProperties settings;
    private final CatalogService catalog;
    private final AccessTracker access;
    private final Clock clock;

    StaleEntryCleanup(
            StaleEntryRepository repository,
            TransactionTemplate transaction,
            List<TrackUsage> usages,
            CatalogProperties settings,
            CatalogService catalog,
            AccessTracker access,
            Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.usages = usages;
        this.settings = settings;
        this.catalog = catalog;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The daily tick, once across all servers. Held at most 6 hours: a run is batches of 1,000
     * candidates and takes minutes even on a large catalog, a server that dies mid-run frees it
     * long before the next day's tick, and a second run at the same time would only repeat the
     * work (every delete re-checks staleness). Held at least {@code refrain.jobs.lock-at-least-for}
     * so a server whose tick fires a little later does not run the same tick again.
     */
    @Scheduled(cron = "${refrain.catalog.cleanup-cron}")
    @SchedulerLock(
            name = "catalog.stale-entry-cleanup",
            lockAtMostFor = "6h",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduledRun() {
        run();
    }

    /** One cleanup now (also called by tests and tools, without the cluster lock). */
    Result run() {
        access.flush(); // counts still in memory are accesses too
        Instant cutoff = clock.instant().minus(settings.staleAfter());
        int examined = 0;
        int removed = 0;
        long afterId = 0;
        while (true) {
            List<Long> candidates =
                    repository.candidates(cutoff, settings.staleMaxAccesses(), afterId, settings.cleanupBatchSize());
            if (candidates.isEmpty()) {
                break;
            }
            examined += candidates.size();
            afterId = candidates.getLast();
            Set<Long> used = new HashSet<>();
            usages.forEach(usage -> used.addAll(usage.inUse(candidates)));
            List<Long> stale =
                    candidates.stream().filter(id -> !used.contains(id)).toList();
            if (!stale.isEmpty()) {
                removed += transaction.execute(status -> repository.remove(stale, cutoff, settings.staleMaxAccesses()));
            }
            if (candidates.size() < settings.cleanupBatchSize()) {
                break;
            }
        }
        if (removed > 0) {
            transaction.executeWithoutResult(status -> repository.removeOrphans());
            catalog.invalidate(null);
        }
        var result = new Result(examined, removed, examined - removed);
        log.info(
                "Catalog cleanup: {} stale candidates, {} removed, {} kept (still referenced by user data)",
                result.examined(),
                result.removed(),
                result.kept());
        return result;
    }
}
