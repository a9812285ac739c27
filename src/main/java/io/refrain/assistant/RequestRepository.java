package io.refrain.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Results of write tools by request id ({@code assistant_requests}). {@link #claim} inserts the
 * key first, inside the transaction that does the work: a concurrent retry with the same key
 * waits on the key's index entry until the first commits, then finds it taken and reads its
 * result, so the work is never done twice; if the first rolls back, the retry does the work.
 */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this call is the first with the key (and must do the work). */
    boolean claim(McpCaller caller, String tool, String requestId, Instant now) {
        return jdbc.sql("""
                        insert into assistant_requests (user_id, tool, request_id, result, created_at)
                        values (:user, :tool, :request, 'null', :now)
                        on conflict do nothing""")
                        .param("user", caller.userId())
                        .param("tool", tool)
                        .param("request", requestId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    void store(McpCaller caller, String tool, String requestId, String resultJson) {
        jdbc.sql("""
                        update assistant_requests set result = cast(:result as jsonb)
                        where user_id = :user and tool = :tool and request_id = :request""")
                .param("user", caller.userId())
                .param("tool", tool)
                .param("request", requestId)
                .param("result", resultJson)
                .update();
    }

    Optional<String> result(McpCaller caller, String tool, String requestId) {
        return jdbc.sql("""
                        select result::text from assistant_requests
                        where user_id = :user and tool = :tool and request_id = :request""")
                .param("user", caller.userId())
                .param("tool", tool)
                .param("request", requestId)
                .query(String.class)
                .optional();
    }

    int deleteOlderThan(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from assistant_requests where ctid = any(array(
                            select ctid from assistant_requests where created_at < :cutoff limit :batch))""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }
}
