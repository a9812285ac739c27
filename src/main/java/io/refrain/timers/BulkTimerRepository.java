package io.refrain.timers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link BulkTimers} and {@link TimerBenchmark}: timers in bulk, made due, explained. */
@Repository
class BulkTimerRepository {

    private final JdbcClient jdbc;

    BulkTimerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Timers number {@code from} to {@code to - 1} of a bulk run over {@code users}; answers those added. */
    int insert(List<UUID> users, long from, long to, long seed, Long[] offsets, Instant now) {
        return jdbc.sql("""
                            insert into role_timers (user_id, role, scope, ends_at, paused_left_ms, next_warning_at,
                                                     granted_at, updated_at)
                            select user_id, role, scope,
                                   case when paused then null else ends end,
                                   case when paused then greatest(1, extract(epoch from ends - :now) * 1000)::bigint end,
                                   case when paused then null else timers_next_warning(ends, :now, :offsets::bigint[]) end,
                                   :now, :now
                            from (
                                select (:users::uuid[])[i % :n + 1] as user_id,
                                       case i / :n when 0 then 'curator' when 1 then 'moderator' when 2 then 'supporter'
                                                   else 'dj' end as role,
                                       case when i / :n < 3 then '' else 'party:bench-' || (i / :n - 2) end as scope,
                                       cast(:now as timestamptz) + make_interval(secs =>
                                           60 + (hashtextextended(i::text, :seed) & 2147483647) % 2592000) as ends,
                                       hashtextextended(i::text, :seed + 1) % 10 = 0 as paused
                                from generate_series(:from, :to - 1) i) t
                            on conflict do nothing""")
                .param("users", users.toArray(UUID[]::new))
                .param("n", users.size())
                .param("offsets", offsets)
                .param("seed", seed)
                .param("from", from)
                .param("to", to)
                .param("now", Timestamp.from(now))
                .update();
    }

    long count() {
        return jdbc.sql("select count(*) from role_timers").query(Long.class).single();
    }

    /** The {@code due} running timers that end soonest run out at {@code past}. */
    void expireSoonest(int due, Instant past) {
        jdbc.sql("""
                        update role_timers t set ends_at = :past, next_warning_at = null
                        from (select user_id, role, scope from role_timers where ends_at is not null
                              order by ends_at limit :due) d
                        where (t.user_id, t.role, t.scope) = (d.user_id, d.role, d.scope)""").param("past", Timestamp.from(past)).param("due", due).update();
    }

    /** The {@code due} timers whose next warning comes soonest have it due at {@code past}. */
    void warnSoonest(int due, Instant past) {
        jdbc.sql("""
                        update role_timers t set next_warning_at = :past
                        from (select user_id, role, scope from role_timers where next_warning_at is not null
                              order by next_warning_at limit :due) d
                        where (t.user_id, t.role, t.scope) = (d.user_id, d.role, d.scope)""").param("past", Timestamp.from(past)).param("due", due).update();
        jdbc.sql("analyze role_timers").update();
    }

    /** Up to {@code n} users holding timers, from a 1 % sample of the table (all of it when small). */
    List<UUID> sampleUsers(int n) {
        List<UUID> users = jdbc.sql("select distinct user_id from role_timers tablesample system (1) limit :n")
                .param("n", n)
                .query(UUID.class)
                .list();
        return users.size() >= Math.min(n, 10)
                ? users
                : jdbc.sql("select distinct user_id from role_timers limit :n")
                        .param("n", n)
                        .query(UUID.class)
                        .list();
    }

    /** The plan of the sweep's expiry batch, with timings and buffers. */
    String explainExpiryBatch(Instant now) {
        return explain("the sweep's expiry batch", """
                select user_id, role, scope from role_timers where ends_at <= :now
                order by ends_at limit 500 for update skip locked""", now, null);
    }

    /** The plan of a whole expiry statement of the sweep (run: roll the transaction back). */
    String explainExpiryStatement(Instant now) {
        return String.join(
                "\n",
                jdbc.sql("explain (analyze, buffers) " + SweepRepository.EXPIRE)
                        .param("now", Timestamp.from(now))
                        .param("batch", 500)
                        .query(String.class)
                        .list());
    }

    /** The plan of the sweep's warning batch. */
    String explainWarningBatch(Instant now) {
        return explain("the sweep's warning batch", """
                select user_id, role, scope from role_timers where next_warning_at <= :now
                order by next_warning_at limit 500 for update skip locked""", now, null);
    }

    /** The plan of reading a user's roles. */
    String explainRolesOf(UUID user, Instant now) {
        return explain("a user's roles", """
                select * from role_timers where user_id = :user and (ends_at is null or ends_at > :now)
                order by role, scope""", now, user);
    }

    private String explain(String what, String sql, Instant now, UUID user) {
        var statement = jdbc.sql("explain (analyze, buffers) " + sql).param("now", Timestamp.from(now));
        if (sql.contains(":user")) {
            statement = statement.param("user", user);
        }
        return "-- " + what + "\n"
                + String.join("\n", statement.query(String.class).list());
    }
}
