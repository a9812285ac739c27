package io.refrain.timers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sweep's statements: each takes one batch of due timers through its partial index
 * ({@code role_timers_ending}, {@code role_timers_warning}) with {@code FOR UPDATE SKIP LOCKED},
 * changes them and records the events, in one statement. Sweeps running at once on several
 * servers take disjoint batches; a timer is never expired or warned twice.
 */
@Repository
class SweepRepository {

    /** A timer the sweep handled: whose, which, and when it ends (or ended). */
    record Due(UUID userId, String role, String scope, Instant endsAt) {}

    /** One expiry batch: {@code :now}, {@code :batch}. */
    static final String EXPIRE = """
            with due as (
                select user_id, role, scope from role_timers
                where ends_at <= :now
                order by ends_at limit :batch
                for update skip locked),
            gone as (
                delete from role_timers t using due
                where (t.user_id, t.role, t.scope) = (due.user_id, due.role, due.scope)
                returning t.user_id, t.role, t.scope, t.ends_at)
            insert into role_events (user_id, role, scope, action, at, ends_at, left_ms)
            select user_id, role, scope, 'expire', :now, ends_at, 0 from gone
            returning user_id, role, scope, ends_at""";

    private final JdbcClient jdbc;

    SweepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes up to {@code batch} timers that ran out by {@code now} and records their expiry. */
    List<Due> expire(Instant now, int batch) {
        return jdbc.sql(EXPIRE)
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .query(Due.class)
                .list();
    }

    /**
     * Sends (records) up to {@code batch} warnings due by {@code now} and arms each timer's next
     * one. A timer several of whose warning moments passed unseen (the servers were down) gets one
     * warning, telling the time actually left.
     */
    List<Due> warn(Instant now, Long[] warningSeconds, int batch) {
        return jdbc.sql("""
                        with due as (
                            select user_id, role, scope from role_timers
                            where next_warning_at <= :now
                            order by next_warning_at limit :batch
                            for update skip locked),
                        warned as (
                            update role_timers t
                            set next_warning_at = timers_next_warning(t.ends_at, :now, :offsets::bigint[])
                            from due
                            where (t.user_id, t.role, t.scope) = (due.user_id, due.role, due.scope)
                              and t.ends_at > :now
                            returning t.user_id, t.role, t.scope, t.ends_at)
                        insert into role_events (user_id, role, scope, action, at, ends_at, left_ms)
                        select user_id, role, scope, 'warn', :now, ends_at,
                               (extract(epoch from ends_at - :now) * 1000)::bigint from warned
                        returning user_id, role, scope, ends_at""")
                .param("now", Timestamp.from(now))
                .param("offsets", warningSeconds)
                .param("batch", batch)
                .query(Due.class)
                .list();
    }
}
