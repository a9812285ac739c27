package io.refrain.timers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The role timers ({@code role_timers}). SQL only. */
@Repository
class TimerRepository {

    /** A stored timer. */
    record Row(
            UUID userId,
            String role,
            String scope,
            Timer timer,
            Instant grantedAt,
            UUID grantedBy,
            Instant updatedAt) {}

    /** A page of the admin listing continues after this key. */
    record After(UUID userId, String role, String scope) {}

    private static final String COLUMNS =
            "user_id, role, scope, ends_at, paused_left_ms, granted_at, granted_by, updated_at";

    private final JdbcClient jdbc;

    TimerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The timer, locked until the transaction ends (so concurrent changes queue up and lose nothing). */
    Optional<Row> lock(UUID user, Role role, String scope) {
        return jdbc.sql("select " + COLUMNS
                        + " from role_timers where user_id = :user and role = :role and scope = :scope for update")
                .param("user", user)
                .param("role", role.key())
                .param("scope", scope)
                .query(TimerRepository::row)
                .optional();
    }

    /** Inserts a new timer; false when one exists already (granted meanwhile). */
    boolean insert(Row row, Long[] warningSeconds, Instant now) {
        return jdbc.sql("""
                        insert into role_timers (user_id, role, scope, ends_at, paused_left_ms, next_warning_at,
                                                 granted_at, granted_by, updated_at)
                        values (:user, :role, :scope, :ends, :left,
                                timers_next_warning(:ends, :now, :offsets::bigint[]), :grantedAt, :grantedBy, :now)
                        on conflict do nothing""")
                        .param("user", row.userId())
                        .param("role", row.role())
                        .param("scope", row.scope())
                        .param("ends", ts(row.timer().endsAt()))
                        .param("left", leftMs(row.timer()))
                        .param("offsets", warningSeconds)
                        .param("grantedAt", ts(row.grantedAt()))
                        .param("grantedBy", row.grantedBy())
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    /**
     * Writes the timer's new state and re-arms its warnings: the next is the earliest warning
     * moment still ahead of its end (none while paused).
     */
    void update(Row row, Long[] warningSeconds, Instant now) {
        jdbc.sql("""
                        update role_timers set ends_at = :ends, paused_left_ms = :left,
                            next_warning_at = timers_next_warning(:ends, :now, :offsets::bigint[]),
                            granted_at = :grantedAt, granted_by = :grantedBy, updated_at = :now
                        where user_id = :user and role = :role and scope = :scope""")
                .param("user", row.userId())
                .param("role", row.role())
                .param("scope", row.scope())
                .param("ends", ts(row.timer().endsAt()))
                .param("left", leftMs(row.timer()))
                .param("offsets", warningSeconds)
                .param("grantedAt", ts(row.grantedAt()))
                .param("grantedBy", row.grantedBy())
                .param("now", ts(now))
                .update();
    }

    void delete(UUID user, String role, String scope) {
        jdbc.sql("delete from role_timers where user_id = :user and role = :role and scope = :scope")
                .param("user", user)
                .param("role", role)
                .param("scope", scope)
                .update();
    }

    /** Whether the user holds the role in the scope now: one primary-key lookup. */
    boolean authorises(UUID user, Role role, String scope, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from role_timers
                                       where user_id = :user and role = :role and scope = :scope and ends_at > :now)""")
                .param("user", user)
                .param("role", role.key())
                .param("scope", scope)
                .param("now", ts(now))
                .query(Boolean.class)
                .single();
    }

    /** The user's timers that still hold (running ahead, or paused), by role and scope. */
    List<Row> live(UUID user, Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                         from role_timers where user_id = :user and (ends_at is null or ends_at > :now)
                        order by role, scope""")
                .param("user", user)
                .param("now", ts(now))
                .query(TimerRepository::row)
                .list();
    }

    /**
     * The admin listing in key order after the cursor: optionally one role, only timers running
     * out before a moment, only paused (or only running) ones.
     */
    List<Row> page(String role, Instant endingBefore, Boolean paused, After after, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from role_timers
                        where (ends_at is null or ends_at > :now)
                          and (cast(:role as text) is null or role = :role)
                          and (cast(:before as timestamptz) is null or ends_at < :before)
                          and (cast(:paused as boolean) is null or (ends_at is null) = :paused)
                          and (cast(:afterUser as uuid) is null or (user_id, role, scope) > (:afterUser, :afterRole, :afterScope))
                        order by user_id, role, scope
                        limit :limit""")
                .param("role", role)
                .param("before", ts(endingBefore))
                .param("paused", paused)
                .param("afterUser", after == null ? null : after.userId())
                .param("afterRole", after == null ? "" : after.role())
                .param("afterScope", after == null ? "" : after.scope())
                .param("now", ts(now))
                .param("limit", limit)
                .query(TimerRepository::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp ends = rs.getTimestamp("ends_at");
        long left = rs.getLong("paused_left_ms");
        Timer timer = ends != null ? Timer.running(ends.toInstant()) : Timer.paused(Duration.ofMillis(left));
        return new Row(
                rs.getObject("user_id", UUID.class),
                rs.getString("role"),
                rs.getString("scope"),
                timer,
                rs.getTimestamp("granted_at").toInstant(),
                rs.getObject("granted_by", UUID.class),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Long leftMs(Timer timer) {
        return timer.paused() ? timer.pausedLeft().toMillis() : null;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
