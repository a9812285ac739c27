package io.refrain.assistant;

import io.refrain.platform.web.CursorCodec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of tool calls ({@code assistant_tool_calls}). */
@Repository
class AuditRepository {

    /** One audited call as the user sees it. */
    record Call(
            long id,
            String clientId,
            String clientName,
            String tool,
            String arguments,
            String outcome,
            String message,
            int durationMs,
            Instant calledAt) {}

    /** A page of calls continues after this call. */
    record After(@CursorCodec.EpochMicros Instant calledAt, long id) {}

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(McpCaller caller, String tool, String arguments, String outcome, String message, int ms, Instant at) {
        jdbc.sql("""
                        insert into assistant_tool_calls
                            (user_id, client_id, client_name, tool, arguments, outcome, message, duration_ms, called_at)
                        values (:user, :clientId, :clientName, :tool, :arguments, :outcome, :message, :ms, :at)""")
                .param("user", caller.userId())
                .param("clientId", cut(caller.clientId(), 200))
                .param("clientName", cut(caller.clientName(), 200))
                .param("tool", tool)
                .param("arguments", cut(arguments, 600))
                .param("outcome", outcome)
                .param("message", message == null ? null : cut(message, 600))
                .param("ms", ms)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The user's calls, newest first, after the cursor's (time, id). */
    List<Call> page(UUID user, After after, int limit) {
        return jdbc.sql("""
                        select id, client_id, client_name, tool, arguments, outcome, message, duration_ms, called_at
                        from assistant_tool_calls
                        where user_id = :user
                          and (cast(:at as timestamptz) is null or (called_at, id) < (:at, :id))
                        order by called_at desc, id desc
                        limit :limit""")
                .param("user", user)
                .param("at", after == null ? null : Timestamp.from(after.calledAt()))
                .param("id", after == null ? 0 : after.id())
                .param("limit", limit)
                .query((rs, n) -> new Call(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    int deleteOlderThan(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from assistant_tool_calls where ctid = any(array(
                            select ctid from assistant_tool_calls where called_at < :cutoff limit :batch))""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
