package io.refrain.bench;

import io.refrain.catalog.BulkCatalog;
import io.refrain.history.BulkHistory;
import io.refrain.history.ListenPartitions;
import io.refrain.history.ListenSource;
import io.refrain.platform.cli.Progress;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Streams the generated listens into the history module's {@link BulkHistory} (one COPY; the
 * partitions of every month they can fall in are created first: rows for a missing month would
 * fail the copy). The statistics are not touched here; {@link io.refrain.history.ListenStatsRebuild}
 * builds them afterwards from what was stored.
 */
@Component
class ListenLoader {

    /** Histories are shifted back when sessions overflow "now"; partitions reach this far before the three years. */
    private static final int SPARE_MONTHS = 12;

    private static final String CLIENT = "refrain-bench";

    private final BulkCatalog catalog;
    private final BulkHistory history;
    private final ListenPartitions partitions;

    ListenLoader(BulkCatalog catalog, BulkHistory history, ListenPartitions partitions) {
        this.catalog = catalog;
        this.history = history;
        this.partitions = partitions;
    }

    long load(List<BenchUsers.BenchUser> users, long total, long seed, Instant now, Progress progress)
            throws Exception {
        ListenPlan plan = new ListenPlan(BenchCatalog.load(catalog), seed, now);
        ensurePartitions(plan.oldest(), now);
        long[] counts = plan.allocate(users, total);
        long[] written = {0};
        long stored = history.load(ListenSource.API, CLIENT, sink -> {
            for (int i = 0; i < users.size(); i++) {
                plan.generate(users.get(i), counts[i], (user, at, track, ms, skipped, context) -> {
                    sink.add(new BulkHistory.BulkListen(user, Instant.ofEpochMilli(at), track, ms, skipped, context));
                    written[0]++;
                });
                progress.update(written[0], written[0]);
            }
        });
        progress.finish(written[0]);
        return stored;
    }

    private void ensurePartitions(Instant oldest, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(oldest.atZone(ZoneOffset.UTC)).minusMonths(SPARE_MONTHS);
                !m.isAfter(last);
                m = m.plusMonths(1)) {
            months.add(m);
        }
        partitions.ensure(months);
    }
}
