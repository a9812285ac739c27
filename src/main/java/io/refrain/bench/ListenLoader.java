package io.refrain.bench;

import io.refrain.history.ListenPartitions;
import io.refrain.platform.cli.Progress;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Streams the generated listens into {@code listens} with one COPY (the partitions of every
 * month they can fall in are created first: rows for a missing month would fail the copy).
 * The statistics are not touched here; {@link io.refrain.history.ListenStatsRebuild} builds
 * them afterwards from what was stored.
 */
@Component
class ListenLoader {

    /** Histories are shifted back when sessions overflow "now"; partitions reach this far before the three years. */
    private static final int SPARE_MONTHS = 12;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ListenPartitions partitions;

    ListenLoader(JdbcClient jdbc, DataSource dataSource, ListenPartitions partitions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    long load(List<BenchUsers.BenchUser> users, long total, long seed, Instant now, Progress progress) throws Exception {
        ListenPlan plan = new ListenPlan(BenchCatalog.load(jdbc), seed, now);
        ensurePartitions(plan.oldest(), now);
        long[] counts = plan.allocate(users, total);
        long[] written = {0};
        try (CopyStream copy = new CopyStream(dataSource, "listens",
                "user_id, listened_at, track_id, ms_played, skipped, context_type, client, source")) {
            for (int i = 0; i < users.size(); i++) {
                plan.generate(users.get(i), counts[i], (user, at, track, ms, skipped, context) -> {
                    StringBuilder line = copy.line();
                    line.append(user).append(',').append(Instant.ofEpochMilli(at)).append(',').append(track).append(',');
                    if (ms != null) {
                        line.append(ms);
                    }
                    line.append(',').append(skipped ? 't' : 'f').append(',').append(context).append(",refrain-bench,api");
                    copy.endRow();
                    written[0]++;
                });
                progress.update(written[0], written[0]);
            }
            copy.finish();
        }
        progress.finish(written[0]);
        jdbc.sql("analyze listens").update();
        return written[0];
    }

    private void ensurePartitions(Instant oldest, Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(oldest.atZone(ZoneOffset.UTC)).minusMonths(SPARE_MONTHS); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        partitions.ensure(months);
    }
}
