package io.refrain.bench;

import io.refrain.catalog.BulkCatalog;
import io.refrain.catalog.DemoCatalog;
import io.refrain.history.ListenStatsRebuild;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.Progress;
import io.refrain.platform.db.DatabaseSize;
import io.refrain.timers.BulkTimers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code bench generate}, phase by phase: catalog expansion, users, listens (COPY), statistics
 * (rebuilt from the listens by the history module), libraries and playlists. The bench only
 * generates; every row is written by its module's {@code Bulk*} API. Refuses to run
 * into a database that already has benchmark users unless appending, because a second run
 * would double the data silently; an appended run adds users numbered after the existing ones.
 */
@Service
class BenchGenerator {

    private final DemoCatalog demoCatalog;
    private final CatalogExpansion catalog;
    private final BenchUsers users;
    private final ListenLoader listens;
    private final ListenStatsRebuild stats;
    private final BenchLibraries libraries;
    private final BulkCatalog bulkCatalog;
    private final BulkTimers bulkTimers;
    private final DatabaseSize databaseSize;
    private final Clock clock;

    BenchGenerator(
            DemoCatalog demoCatalog,
            CatalogExpansion catalog,
            BenchUsers users,
            ListenLoader listens,
            ListenStatsRebuild stats,
            BenchLibraries libraries,
            BulkCatalog bulkCatalog,
            BulkTimers bulkTimers,
            DatabaseSize databaseSize,
            Clock clock) {
        this.demoCatalog = demoCatalog;
        this.catalog = catalog;
        this.users = users;
        this.listens = listens;
        this.stats = stats;
        this.libraries = libraries;
        this.bulkCatalog = bulkCatalog;
        this.bulkTimers = bulkTimers;
        this.databaseSize = databaseSize;
        this.clock = clock;
    }

    public BenchSummary generate(BenchOptions options) {
        try {
            return run(options);
        } catch (CliException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark generation failed: " + e.getMessage(), e);
        }
    }

    private BenchSummary run(BenchOptions options) throws Exception {
        int existing = users.existing();
        if (existing > 0 && !options.append()) {
            throw new CliException(
                    "this database already has " + existing
                            + " benchmark users (bench-user-N@refrain.bench); use --append to add more, or generate into a fresh --data-dir");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Duration> phases = new LinkedHashMap<>();

        long start = System.nanoTime();
        // a fresh data directory: the jar's demo catalog is the real data the synthetic tracks derive from
        long demo = demoCatalog.loadIfEmpty(true);
        if (demo > 0) {
            System.err.printf("catalog: was empty, loaded the demo catalog (%,d tracks) to derive from%n", demo);
        }
        long added = catalog.expandTo(options.tracks(), options.seed());
        phases.put("catalog", since(start));
        System.err.printf(
                "catalog: %,d synthetic tracks added in %.1f s%n",
                added, phases.get("catalog").toMillis() / 1000.0);

        start = System.nanoTime();
        List<BenchUsers.BenchUser> created = users.create(
                options.users(),
                users.highestNumber() + 1,
                options.seed(),
                now.minus(ListenPlan.HISTORY).minus(Duration.ofDays(400)));
        phases.put("users", since(start));
        System.err.printf(
                "users: %,d in %.1f s%n", created.size(), phases.get("users").toMillis() / 1000.0);

        start = System.nanoTime();
        long stored = listens.load(
                created, options.listens(), options.seed(), now, Progress.onStderr("listens   ", options.listens()));
        phases.put("listens", since(start));

        start = System.nanoTime();
        UUID[] ids = created.stream().map(BenchUsers.BenchUser::id).toArray(UUID[]::new);
        Progress statsProgress = Progress.onStderr("statistics", ids.length);
        stats.rebuild(
                Arrays.asList(ids),
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                done -> statsProgress.update(done, done));
        statsProgress.finish(ids.length);
        phases.put("statistics", since(start));

        start = System.nanoTime();
        BenchLibraries.Counts library = libraries.create(ids, now);
        phases.put("libraries", since(start));
        System.err.printf(
                "libraries and playlists in %.1f s%n", phases.get("libraries").toMillis() / 1000.0);

        long timers = 0;
        if (options.timers() > 0) {
            start = System.nanoTime();
            Progress timerProgress = Progress.onStderr("timers    ", options.timers());
            timers = bulkTimers.create(
                    created.stream().map(BenchUsers.BenchUser::id).toList(),
                    options.timers(),
                    options.seed(),
                    now,
                    done -> timerProgress.update(done, done));
            timerProgress.finish(options.timers());
            phases.put("timers", since(start));
        }

        long tracks = bulkCatalog.trackCount();
        long size = databaseSize.bytes();
        return new BenchSummary(added, tracks, created.size(), stored, library, timers, phases, size);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
