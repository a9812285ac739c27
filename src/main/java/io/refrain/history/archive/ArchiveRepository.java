package io.refrain.history.archive;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The SQL of archiving a month: lock, count and COPY its partition out, record the archive,
 * detach and drop the partition. Runs inside the archiver's transaction (one connection).
 * Partition names cannot be bind parameters; they come only from {@link PartitionName}
 * (pattern-checked) and are double-quoted here.
 */
@Repository
class ArchiveRepository {

    /** An archived month and its file. */
    record Archive(YearMonth month, String fileName, long rowCount) {}

    /**
     * The columns of an archive file, in order. Times are written as UTC ISO-8601 text so the
     * file reads the same whatever the session's time zone and date style were.
     */
    static final List<String> COLUMNS = List.of(
            "user_id",
            "listened_at",
            "track_id",
            "ms_played",
            "skipped",
            "context_type",
            "context_id",
            "client",
            "source",
            "import_id");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ArchiveRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Serialises archivers (the daily job and an admin's command) until the transaction ends. */
    void lockArchiving() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('listen-archive', 0))")
                .query()
                .singleValue();
        // copying a month out takes as long as it takes; the per-statement default is for requests
        jdbc.sql("set local statement_timeout = '2h'").update();
    }

    boolean partitionExists(PartitionName name) {
        return jdbc.sql("select to_regclass(format('%I', :name)) is not null")
                .param("name", name.value())
                .query(Boolean.class)
                .single();
    }

    /** Blocks writes to the month (an import of old listens) until the transaction ends; reads go on. */
    void lockForCopy(PartitionName name) {
        jdbc.sql("lock table " + quoted(name) + " in share mode").update();
    }

    long count(PartitionName name) {
        return jdbc.sql("select count(*) from " + quoted(name))
                .query(Long.class)
                .single();
    }

    /** COPYs the partition's rows (ordered by user, so per-user export can stop early) as CSV with a header. */
    long copyOut(PartitionName name, OutputStream out) {
        String sql = """
                copy (select user_id, to_char(listened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as listened_at,
                             track_id, ms_played, skipped, context_type, context_id, client, source, import_id
                      from %s order by user_id, listened_at, track_id)
                to stdout with (format csv, header)""".formatted(quoted(name));
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's own connection
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot copy " + name.value() + " out: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    Optional<Archive> archive(YearMonth month) {
        return jdbc.sql("select file_name, row_count from listen_archives where month = :month")
                .param("month", Date.valueOf(month.atDay(1)))
                .query((rs, n) -> new Archive(month, rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** Every archived month between {@code from} and {@code to} (inclusive), oldest first. */
    List<Archive> archives(YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select month, file_name, row_count from listen_archives
                        where month between :from and :to order by month""")
                .param("from", Date.valueOf(from.atDay(1)))
                .param("to", Date.valueOf(to.atDay(1)))
                .query((rs, n) ->
                        new Archive(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2), rs.getLong(3)))
                .list();
    }

    void record(YearMonth month, String fileName, long rows, long bytes, String sha256, Instant at) {
        jdbc.sql("""
                        insert into listen_archives (month, file_name, row_count, bytes, sha256, archived_at)
                        values (:month, :file, :rows, :bytes, :sha, :at)""")
                .param("month", Date.valueOf(month.atDay(1)))
                .param("file", fileName)
                .param("rows", rows)
                .param("bytes", bytes)
                .param("sha", sha256)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Detaches and drops the partition. DETACH needs a moment of exclusive lock on {@code listens};
     * rather than queue every reader behind a long query it gives up after a few seconds (the
     * whole archive rolls back and the next run tries again).
     */
    void detachAndDrop(PartitionName name) {
        jdbc.sql("set local lock_timeout = '5s'").update();
        jdbc.sql("alter table listens detach partition " + quoted(name)).update();
        jdbc.sql("drop table " + quoted(name)).update();
    }

    private static String quoted(PartitionName name) {
        return '"' + name.value() + '"'; // safe: the name matched listens_\d{4}_\d{2}
    }
}
