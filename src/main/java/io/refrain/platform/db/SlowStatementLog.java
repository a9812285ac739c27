package io.refrain.platform.db;

import java.time.Duration;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wraps the pool so that every statement slower than the threshold is logged with its duration. */
final class SlowStatementLog {

    private static final Logger log = LoggerFactory.getLogger("io.refrain.sql.slow");
    private static final int MAX_SQL_CHARS = 2000;

    private SlowStatementLog() {}

    static ProxyDataSource wrap(DataSource pool, Duration threshold) {
        long thresholdMillis = threshold.toMillis();
        return ProxyDataSourceBuilder.create("refrain", pool)
                .afterQuery((execution, queries) -> {
                    if (execution.getElapsedTime() >= thresholdMillis) {
                        log.warn(
                                "slow statement: {} ms (threshold {} ms){}: {}",
                                execution.getElapsedTime(),
                                thresholdMillis,
                                execution.isSuccess() ? "" : " failed",
                                sql(queries));
                    }
                })
                .build();
    }

    private static String sql(java.util.List<QueryInfo> queries) {
        String sql = queries.stream()
                .map(QueryInfo::getQuery)
                .collect(Collectors.joining("; "))
                .replaceAll("\\s+", " ");
        return sql.length() > MAX_SQL_CHARS ? sql.substring(0, MAX_SQL_CHARS) + "…" : sql;
    }
}
