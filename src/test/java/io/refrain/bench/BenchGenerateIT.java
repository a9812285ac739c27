package io.refrain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.BulkCatalog;
import io.refrain.history.StatsCheck;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BenchGenerateIT extends IntegrationTest {

    private static final int USERS = 12;
    private static final long LISTENS = 20_000;

    @Autowired
    BenchGenerator generator;

    @Autowired
    BenchUsers benchUsers;

    @Autowired
    BulkCatalog bulkCatalog;

    @Autowired
    io.refrain.timers.TimerBenchmark timerBenchmark;

    @Test
    void generatesAConsistentDatasetThatUsersCanUse() throws Exception {
        int before = benchUsers.highestNumber();
        long lastTrackBefore = jdbc.sql("select coalesce(max(id), 0) from tracks")
                .query(Long.class)
                .single();
        // --append: the test database is shared, another run may have left benchmark users
        BenchSummary summary = generator.generate(new BenchOptions(3_000, USERS, LISTENS, 42, true, USERS * 5L));

        List<UUID> users =
                jdbc.sql("""
                        select id from users where email like 'bench-user-%@refrain.bench'
                          and substring(email from 'bench-user-([0-9]+)@')::int > :before
                        order by substring(email from 'bench-user-([0-9]+)@')::int""").param("before", before).query(UUID.class).list();
        assertThat(users).hasSize(USERS);
        // five timers a user: the three global roles, then dj in two bench parties; one in ten paused
        assertThat(jdbc.sql("select count(*), count(distinct scope) from role_timers where user_id = any(:users)")
                        .param("users", users.toArray(UUID[]::new))
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(USERS * 5L, 3L);
        var measured = timerBenchmark.measure(20, 10);
        assertThat(measured.expired())
                .as("the 20 made due, and whatever else was")
                .isGreaterThanOrEqualTo(20);
        assertThat(measured.warned()).as("as many as still had a warning ahead").isPositive();
        assertThat(measured.plans()).hasSize(4).allMatch(plan -> plan.contains("Execution Time"));
        assertThat(summary.listens()).isEqualTo(LISTENS);
        assertThat(jdbc.sql("select count(*) from listens where user_id = any(:users)")
                        .param("users", users.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(LISTENS);
        assertThat(jdbc.sql("select count(*) from tracks").query(Long.class).single())
                .isGreaterThanOrEqualTo(3_000);
        // the synthetic tracks of this run (other tests share the database and make tracks of other origins meanwhile)
        assertThat(jdbc.sql(
                                "select count(*) from tracks t where not exists (select 1 from track_genres g where g.track_id = t.id)"
                                        + " and t.origin = 'import' and t.id > :before")
                        .param("before", lastTrackBefore)
                        .query(Long.class)
                        .single())
                .isZero();

        Instant now = clock.instant();
        for (YearMonth month : List.of(
                YearMonth.from(now.atZone(ZoneOffset.UTC)),
                YearMonth.from(now.minus(Duration.ofDays(2 * 365)).atZone(ZoneOffset.UTC)))) {
            String name = "listens_%d_%02d".formatted(month.getYear(), month.getMonthValue());
            assertThat(jdbc.sql("select to_regclass(:name) is not null")
                            .param("name", name)
                            .query(Boolean.class)
                            .single())
                    .as(name)
                    .isTrue();
        }
        assertThat(jdbc.sql(
                                "select count(*) from listen_totals where user_id = any(:users) and last_played_at < :yearAgo")
                        .param("users", users.toArray(UUID[]::new))
                        .param("yearAgo", Timestamp.from(now.minus(Duration.ofDays(365))))
                        .query(Long.class)
                        .single())
                .as("sparse users")
                .isPositive();

        for (UUID user : users.subList(0, 4)) {
            StatsCheck.assertConsistent(jdbc, user);
        }
        StatsCheck.assertConsistent(
                jdbc, users.get(9)); // the sparse one (number % 10 == 0 when numbering started at 1)

        assertThat(jdbc.sql("""
                        select count(*) from playlists p where p.user_id = any(:users)
                          and p.track_count <> (select count(*) from playlist_entries e where e.playlist_id = p.id)""")
                        .param("users", users.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(summary.library().savedTracks()).isPositive();
        assertThat(summary.library().playlists()).isGreaterThan(USERS);

        String email = BenchUsers.email(before + 1);
        var tokens = api.post("/api/v1/auth/login", Json.of("email", email, "password", BenchUsers.PASSWORD))
                .assertStatus(200);
        String token = tokens.text("accessToken");
        assertThat(api.get("/api/v1/me/recently-played", token)
                        .assertStatus(200)
                        .json()
                        .path("items")
                        .size())
                .isPositive();
        assertThat(api.get("/api/v1/me/stats/top/tracks", token)
                        .assertStatus(200)
                        .json()
                        .path("items")
                        .size())
                .isPositive();
        assertThat(api.get("/api/v1/me/stats/top/genres", token)
                        .assertStatus(200)
                        .json()
                        .path("items")
                        .size())
                .isPositive();
    }

    @Test
    void theSameSeedGeneratesTheSameListens() throws Exception {
        BenchCatalog catalog = BenchCatalog.load(bulkCatalog);
        List<BenchUsers.BenchUser> users = new ArrayList<>();
        for (int n = 1; n <= USERS; n++) {
            users.add(new BenchUsers.BenchUser(n, UUID.nameUUIDFromBytes(("same-seed-" + n).getBytes())));
        }
        Instant now = clock.instant();
        assertThat(fingerprint(catalog, users, 7, now)).isEqualTo(fingerprint(catalog, users, 7, now));
        assertThat(fingerprint(catalog, users, 7, now)).isNotEqualTo(fingerprint(catalog, users, 8, now));
    }

    /** Count and order-sensitive hash of everything the plan generates. */
    private static List<Long> fingerprint(
            BenchCatalog catalog, List<BenchUsers.BenchUser> users, long seed, Instant now) throws Exception {
        ListenPlan plan = new ListenPlan(catalog, seed, now);
        long[] counts = plan.allocate(users, 5_000);
        long[] result = {0, 17};
        for (int i = 0; i < users.size(); i++) {
            plan.generate(users.get(i), counts[i], (user, at, track, ms, skipped, context) -> {
                result[0]++;
                result[1] = result[1] * 31
                        + user.hashCode() * 7
                        + at * 13
                        + track * 17
                        + (ms == null ? -1 : ms)
                        + (skipped ? 1 : 0);
            });
        }
        assertThat(result[0]).isEqualTo(5_000);
        return List.of(result[0], result[1]);
    }
}
