package io.refrain.history.importer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** listen_imports rows and their skipped rows. */
@Repository
class ListenImportRepository {

    /** A row of the file that was not added. */
    record Skip(long position, SkipReason reason, String detail) {}

    /** Running totals of an import, written after every chunk so a failed import still says what it added. */
    record Progress(
            long rowsRead,
            long added,
            long duplicates,
            long skipped,
            long tracksCreated,
            Instant firstListen,
            Instant lastListen) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListenImportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long create(UUID userId, String format, String fileName, boolean dryRun, Instant now) {
        return jdbc.sql("""
                        insert into listen_imports (user_id, format, file_name, dry_run, status, started_at)
                        values (:user, :format, :file, :dryRun, 'running', :now) returning id""")
                .param("user", userId)
                .param("format", format)
                .param("file", fileName)
                .param("dryRun", dryRun)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void progress(long id, Progress p) {
        jdbc.sql("""
                        update listen_imports set rows_read = :read, added = :added, duplicates = :duplicates, skipped = :skipped,
                               tracks_created = :created, first_listen = :first, last_listen = :last
                        where id = :id""")
                .param("id", id)
                .param("read", p.rowsRead())
                .param("added", p.added())
                .param("duplicates", p.duplicates())
                .param("skipped", p.skipped())
                .param("created", p.tracksCreated())
                .param("first", p.firstListen() == null ? null : Timestamp.from(p.firstListen()))
                .param("last", p.lastListen() == null ? null : Timestamp.from(p.lastListen()))
                .update();
    }

    void finish(long id, String status, String error, Instant now) {
        jdbc.sql("update listen_imports set status = :status, error = :error, finished_at = :now where id = :id")
                .param("id", id)
                .param("status", status)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Writes the sign of life of these imports (those still running). */
    void heartbeat(List<Long> ids, Instant now) {
        jdbc.sql("update listen_imports set heartbeat_at = :now where id = any(:ids) and status = 'running'")
                .param("ids", ids.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Marks failed the running imports with no sign of life since {@code staleBefore} (their process is gone). */
    int failStale(Instant now, Instant staleBefore, String error) {
        return jdbc.sql("""
                        update listen_imports set status = 'failed', error = :error, finished_at = :now
                        where status = 'running' and coalesce(heartbeat_at, started_at) < :staleBefore""")
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(staleBefore))
                .update();
    }

    /** Marks a done (or failed) import undone; false when it is not one of the user's or not undoable. */
    boolean markUndone(UUID userId, long id, Instant now) {
        return jdbc.sql("""
                        update listen_imports set status = 'undone', undone_at = :now
                        where id = :id and user_id = :user and status in ('done', 'failed') and not dry_run""")
                        .param("id", id)
                        .param("user", userId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void addSkips(long id, List<Skip> skips) {
        if (skips.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into listen_import_skips (import_id, position, reason, detail)
                        select :id, p, r, d from unnest(:positions::bigint[], :reasons::text[], :details::text[]) as u(p, r, d)
                        on conflict do nothing""")
                .param("id", id)
                .param("positions", skips.stream().map(Skip::position).toArray(Long[]::new))
                .param(
                        "reasons",
                        skips.stream()
                                .map(s -> s.reason().name().toLowerCase(Locale.ROOT))
                                .toArray(String[]::new))
                .param(
                        "details",
                        skips.stream()
                                .map(s -> s.detail() == null
                                        ? null
                                        : s.detail()
                                                .substring(
                                                        0,
                                                        Math.min(
                                                                1000, s.detail().length())))
                                .toArray(String[]::new))
                .update();
    }

    Optional<ListenImportView> find(UUID userId, long id) {
        return jdbc.sql("select " + COLUMNS + " from listen_imports where id = :id and user_id = :user")
                .param("id", id)
                .param("user", userId)
                .query(this::view)
                .optional();
    }

    List<ListenImportView> list(UUID userId, Long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from listen_imports where user_id = :user"
                        + (beforeId == null ? "" : " and id < :before") + " order by id desc limit :limit")
                .param("user", userId)
                .param("before", beforeId)
                .param("limit", limit)
                .query(this::view)
                .list();
    }

    List<Skip> skips(long id, long afterPosition, int limit) {
        return jdbc.sql("""
                        select position, reason, detail from listen_import_skips
                        where import_id = :id and position > :after order by position limit :limit""")
                .param("id", id)
                .param("after", afterPosition)
                .param("limit", limit)
                .query((rs, n) -> new Skip(
                        rs.getLong(1), SkipReason.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3)))
                .list();
    }

    private static final String COLUMNS = """
            id, format, file_name, dry_run, status, rows_read, added, duplicates, skipped, tracks_created, first_listen,
            last_listen, error, started_at, finished_at, undone_at,
            (select coalesce(jsonb_object_agg(reason, n order by reason), '{}')::text
             from (select reason, count(*) as n from listen_import_skips s where s.import_id = listen_imports.id group by reason) r)
                as skipped_by_reason""";

    private ListenImportView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Long> reasons = new LinkedHashMap<>();
        json.readTree(rs.getString("skipped_by_reason"))
                .properties()
                .forEach(e -> reasons.put(e.getKey(), e.getValue().asLong()));
        return new ListenImportView(
                id,
                rs.getString("format"),
                rs.getString("file_name"),
                rs.getBoolean("dry_run"),
                rs.getString("status"),
                rs.getLong("rows_read"),
                rs.getLong("added"),
                rs.getLong("duplicates"),
                rs.getLong("skipped"),
                rs.getLong("tracks_created"),
                instant(rs, "first_listen"),
                instant(rs, "last_listen"),
                rs.getString("error"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "undone_at"),
                reasons);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
