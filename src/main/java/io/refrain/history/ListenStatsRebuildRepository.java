package io.refrain.history;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link ListenStatsRebuild}: every {@link ListenStatistic} of some users
 * computed from scratch from their stored listens, by the same definitions as the live write
 * path. Runs in the caller's transaction.
 */
@Repository
class ListenStatsRebuildRepository {

    private final JdbcClient jdbc;

    ListenStatsRebuildRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the users' statistics by a recomputation from their listens. */
    void rebuild(UUID[] users) {
        // a chunk of heavy users is more than the server's per-request statement timeout allows
        run("set local statement_timeout = 0");
        run("set local work_mem = '64MB'");
        for (ListenStatistic statistic : ListenStatistic.values()) {
            if (statistic != ListenStatistic.TOTALS) {
                jdbc.sql("delete from " + statistic.table + " where user_id = any(:users)")
                        .param("users", users)
                        .update();
            }
        }
        // a chunk's listens are read once into a temporary table, so memory stays bounded
        jdbc.sql("create temporary table rebuild_played on commit drop as "
                        + ListenStatistic.PLAYED.formatted("listens") + " where l.user_id = any(:users)")
                .param("users", users)
                .update();
        run("analyze rebuild_played");
        for (ListenStatistic statistic : ListenStatistic.values()) {
            run(statistic.insertOfAll("rebuild_played"));
        }
        // users left without listens (an undone import was all they had) lose their totals row
        jdbc.sql("""
                delete from listen_totals t where t.user_id = any(:users)
                and not exists (select 1 from rebuild_played p where p.user_id = t.user_id)""").param("users", users).update();
    }

    private void run(String sql) {
        jdbc.sql(sql).update();
    }
}
