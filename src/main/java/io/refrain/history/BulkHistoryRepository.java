package io.refrain.history;

import io.refrain.platform.db.CopyStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link BulkHistory}: one COPY into {@code listens} on a connection of its own
 * (rows for a month without a partition would fail it), then an {@code analyze}.
 */
@Repository
class BulkHistoryRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkHistoryRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long copy(ListenSource source, String client, BulkHistory.Listens listens) throws Exception {
        long[] written = {0};
        try (CopyStream copy = new CopyStream(
                dataSource,
                "listens",
                "user_id, listened_at, track_id, ms_played, skipped, context_type, client, source")) {
            listens.writeTo(listen -> {
                StringBuilder line = copy.line();
                line.append(listen.userId())
                        .append(',')
                        .append(listen.listenedAt())
                        .append(',')
                        .append(listen.trackId())
                        .append(',');
                if (listen.msPlayed() != null) {
                    line.append(listen.msPlayed());
                }
                line.append(',').append(listen.skipped() ? 't' : 'f').append(',');
                if (listen.contextType() != null) { // an empty unquoted field is null
                    copy.field(listen.contextType());
                }
                copy.line().append(',');
                copy.field(client).line().append(',').append(source.column());
                copy.endRow();
                written[0]++;
            });
            copy.finish();
        }
        jdbc.sql("analyze listens").update();
        return written[0];
    }
}
