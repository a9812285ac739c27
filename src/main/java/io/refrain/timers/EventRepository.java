package io.refrain.timers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail of timers ({@code role_events}). SQL only. */
@Repository
class EventRepository {

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID user, String role, String scope, String action, UUID actor, Timer after, Instant now) {
        jdbc.sql("""
                        insert into role_events (user_id, role, scope, action, actor_id, at, ends_at, left_ms)
                        values (:user, :role, :scope, :action, :actor, :now, :ends, :left)""")
                .param("user", user)
                .param("role", role)
                .param("scope", scope)
                .param("action", action)
                .param("actor", actor)
                .param("now", Timestamp.from(now))
                .param("ends", after == null || after.paused() ? null : Timestamp.from(after.endsAt()))
                .param("left", after == null ? null : after.left(now).toMillis())
                .update();
    }

    void deleteAll(UUID user) {
        jdbc.sql("delete from role_events where user_id = :user")
                .param("user", user)
                .update();
    }

    /** The user's events, newest first, before the cursor's id. */
    List<RoleEventView> page(UUID user, Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, role, scope, action, actor_id, at, ends_at, left_ms from role_events
                        where user_id = :user and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("user", user)
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new RoleEventView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getObject(8) == null ? null : rs.getLong(8) / 1000))
                .list();
    }
}
