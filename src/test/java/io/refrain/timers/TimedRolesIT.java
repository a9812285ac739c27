package io.refrain.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Timed roles through the API: grants, arithmetic, access that ends at once, warnings, bad input. */
class TimedRolesIT extends IntegrationTest {

    @Autowired
    TimerSweep sweep;

    @Autowired
    RoleGrants grants;

    @Autowired
    Roles roles;

    /** A fresh access token: the test moves the clock by more than a token lives. */
    private String token(Account account) {
        return api.post("/api/v1/auth/login", Json.of("email", account.email(), "password", account.password()))
                .assertStatus(200)
                .text("accessToken");
    }

    private String roles(UUID user) {
        return "/api/v1/admin/users/" + user + "/roles";
    }

    private JsonNode grant(UUID user, String role, long seconds) {
        return api.post(
                        roles(user),
                        Json.of("role", role, "durationSeconds", seconds),
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
    }

    private List<String> actions(UUID user) {
        return jdbc.sql("select action from role_events where user_id = ? order by id")
                .param(user)
                .query(String.class)
                .list();
    }

    private String newTrack(String token) {
        return api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "Curated " + UUID.randomUUID(),
                                "artists",
                                List.of(java.util.Map.of("name", "Curator Band"))),
                        token)
                .body();
    }

    @Test
    void aCuratorEditsTheCatalogUntilTheRoleRunsOutAndNotAMomentLonger() {
        var curator = newAccount();
        assertThat(api.post(
                                "/api/v1/tracks",
                                Json.of("title", "Nope", "artists", List.of(java.util.Map.of("name", "X"))),
                                curator.accessToken())
                        .status())
                .isEqualTo(403);

        var granted = grant(curator.id(), "curator", 600);
        assertThat(granted.path("state").asString()).isEqualTo("running");
        assertThat(granted.path("secondsLeft").asLong()).isEqualTo(600);
        assertThat(granted.path("grantedBy").asString())
                .isEqualTo(catalogAdmin().id().toString());

        var created = api.post(
                "/api/v1/tracks",
                Json.of(
                        "title",
                        "Curated " + UUID.randomUUID(),
                        "artists",
                        List.of(java.util.Map.of("name", "Curator Band"))),
                curator.accessToken());
        assertThat(created.status()).as(created.body()).isBetween(200, 299);

        var mine = api.get("/api/v1/me/roles", curator.accessToken())
                .assertStatus(200)
                .json();
        assertThat(mine.path("permanent").toString()).contains("user");
        assertThat(mine.path("timed").get(0).path("role").asString()).isEqualTo("curator");
        var other = newAccount();
        assertThat(api.get("/api/v1/users/" + curator.id() + "/badges", other.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("badges")
                        .toString())
                .isEqualTo("[\"curator\"]");

        clock.advance(Duration.ofSeconds(601));
        // no sweep has run: the role ended with its time, the same token is refused
        assertThat(api.post(
                                "/api/v1/tracks",
                                Json.of("title", "Late", "artists", List.of(java.util.Map.of("name", "X"))),
                                curator.accessToken())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/me/roles", curator.accessToken())
                        .json()
                        .path("timed")
                        .size())
                .isZero();

        sweep.run();
        assertThat(actions(curator.id())).containsExactly("grant", "expire");
        var notices = api.get("/api/v1/me/notifications", curator.accessToken())
                .assertStatus(200)
                .json();
        assertThat(notices.path("items").get(0).path("kind").asString()).isEqualTo("role.expired");
        assertThat(notices.path("items").get(0).path("data").path("role").asString())
                .isEqualTo("curator");
        assertThat(outbox.awaitMails(curator.email(), 2)) // the sign-up code, then the role's end
                .last()
                .asString()
                .contains("curator role has ended");
    }

    @Test
    void revokingAndPausingStopAccessAtOnceAndResumingContinuesWithTheTimeLeft() {
        var curator = newAccount();
        grant(curator.id(), "curator", 7200);

        clock.advance(Duration.ofSeconds(1200));
        var paused = api.post(
                        roles(curator.id()) + "/curator/pause",
                        "",
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(paused.path("state").asString()).isEqualTo("paused");
        assertThat(paused.path("secondsLeft").asLong()).isEqualTo(6000);
        assertThat(paused.path("endsAt").isNull()).isTrue();
        assertThat(roles.holds(curator.id(), Role.CURATOR))
                .as("a paused role does not authorise")
                .isFalse();
        api.post(roles(curator.id()) + "/curator/pause", "", catalogAdmin().accessToken())
                .assertProblem(409, "already-paused");

        clock.advance(Duration.ofDays(30)); // time stands still while paused
        sweep.run();
        var resumed = api.post(
                        roles(curator.id()) + "/curator/resume",
                        "",
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(resumed.path("secondsLeft").asLong()).isEqualTo(6000);
        assertThat(Instant.parse(resumed.path("endsAt").asString()))
                .isCloseTo(
                        clock.instant().plusSeconds(6000),
                        org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(roles.holds(curator.id(), Role.CURATOR)).isTrue();
        api.post(roles(curator.id()) + "/curator/resume", "", catalogAdmin().accessToken())
                .assertProblem(409, "not-paused");

        var extended = api.post(
                        roles(curator.id()) + "/curator/extend",
                        Json.of("seconds", 600),
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(extended.path("secondsLeft").asLong()).isEqualTo(6600);
        var again = grant(curator.id(), "curator", 400); // granting again stacks too
        assertThat(again.path("secondsLeft").asLong()).isEqualTo(7000);

        api.delete(roles(curator.id()) + "/curator", catalogAdmin().accessToken())
                .assertStatus(204);
        assertThat(roles.holds(curator.id(), Role.CURATOR)).isFalse();
        assertThat(api.post(
                                "/api/v1/tracks",
                                Json.of("title", "Gone", "artists", List.of(java.util.Map.of("name", "X"))),
                                token(curator))
                        .status())
                .isEqualTo(403);
        api.delete(roles(curator.id()) + "/curator", catalogAdmin().accessToken())
                .assertProblem(404, "not-found");
        assertThat(actions(curator.id())).containsExactly("grant", "pause", "resume", "extend", "grant", "revoke");
        var events = api.get(
                        "/api/v1/admin/users/" + curator.id() + "/role-events?limit=2",
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(events.path("items").get(0).path("action").asString()).isEqualTo("revoke");
        assertThat(events.path("items").get(0).path("actorId").asString())
                .isEqualTo(catalogAdmin().id().toString());
        String next = events.path("next").asString();
        var older = api.get(
                        "/api/v1/admin/users/" + curator.id() + "/role-events?limit=2&cursor=" + next,
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(older.path("items").get(0).path("action").asString()).isEqualTo("extend");
    }

    @Test
    void warningsComeAtTheirMomentsOnceEachAndAreReArmedByAnExtension() {
        var supporter = newAccount();
        grant(supporter.id(), "supporter", Duration.ofHours(25).toSeconds());
        sweep.run();
        assertThat(warnings(supporter.id())).isZero();

        clock.advance(Duration.ofHours(1).plusSeconds(1)); // 24 h minus a second left
        sweep.run();
        sweep.run();
        assertThat(warnings(supporter.id())).as("the 24-hour warning, once").isEqualTo(1);
        String mine = token(supporter);
        var inbox = api.get("/api/v1/me/notifications?unread=true", mine).json();
        assertThat(inbox.path("unread").asLong()).isEqualTo(1);
        assertThat(inbox.path("items").get(0).path("kind").asString()).isEqualTo("role.expiring");
        assertThat(inbox.path("items").get(0).path("title").asString())
                .isEqualTo("Your supporter role ends in 23 hours 59 minutes");

        clock.advance(Duration.ofHours(23)); // 59:59 left
        sweep.run();
        assertThat(warnings(supporter.id())).as("the 1-hour warning").isEqualTo(2);

        api.post(
                        roles(supporter.id()) + "/supporter/extend",
                        Json.of("seconds", 7200),
                        catalogAdmin().accessToken())
                .assertStatus(200);
        sweep.run();
        assertThat(warnings(supporter.id()))
                .as("nothing is due right after the extension")
                .isEqualTo(2);
        clock.advance(Duration.ofHours(2));
        sweep.run();
        assertThat(warnings(supporter.id()))
                .as("the 1-hour warning again, re-armed")
                .isEqualTo(3);
        clock.advance(Duration.ofMinutes(56));
        sweep.run();
        clock.advance(Duration.ofMinutes(4));
        sweep.run();
        assertThat(actions(supporter.id()))
                .containsExactly("grant", "warn", "warn", "extend", "warn", "warn", "expire");

        mine = token(supporter);
        long unread =
                api.get("/api/v1/me/notifications", mine).json().path("unread").asLong();
        assertThat(unread).isEqualTo(5);
        var first = api.get("/api/v1/me/notifications?limit=1", mine).json();
        long id = first.path("items").get(0).path("id").asLong();
        api.post("/api/v1/me/notifications/" + id + "/read", "", mine).assertStatus(204);
        api.post("/api/v1/me/notifications/" + id + "/read", "", newAccount().accessToken())
                .assertProblem(404, "not-found");
        assertThat(api.post("/api/v1/me/notifications/read", "", mine)
                        .json()
                        .path("marked")
                        .asInt())
                .isEqualTo(4);
        var page = api.get("/api/v1/me/notifications?limit=2", mine).json();
        assertThat(page.path("items").size()).isEqualTo(2);
        var rest = api.get(
                        "/api/v1/me/notifications?limit=10&cursor="
                                + page.path("next").asString(),
                        mine)
                .json();
        assertThat(rest.path("items").size()).isEqualTo(3);
        assertThat(rest.path("next").isNull()).isTrue();
    }

    private long warnings(UUID user) {
        return jdbc.sql("select count(*) from role_events where user_id = ? and action = 'warn'")
                .param(user)
                .query(Long.class)
                .single();
    }

    @Test
    void concurrentExtensionsLoseNoTime() throws Exception {
        var user = newAccount();
        grant(user.id(), "moderator", 1000);
        String admin = catalogAdmin().accessToken();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                done.add(pool.submit(
                        () -> api.post(roles(user.id()) + "/moderator/extend", Json.of("seconds", 100), admin)
                                .status()));
            }
            for (var f : done) {
                assertThat(f.get()).isEqualTo(200);
            }
        }
        var mine = api.get("/api/v1/me/roles", user.accessToken())
                .json()
                .path("timed")
                .get(0);
        assertThat(mine.path("secondsLeft").asLong()).isEqualTo(1000 + 24 * 100);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        var user = newAccount();
        String admin = catalogAdmin().accessToken();
        api.post(roles(user.id()), Json.of("role", "emperor", "durationSeconds", 60), admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()), Json.of("role", "curator", "durationSeconds", -5), admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()), Json.of("role", "curator", "durationSeconds", 0), admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()), Json.of("role", "curator", "durationSeconds", 400_000_000L), admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()), Json.of("role", "curator"), admin).assertProblem(400, "validation");
        api.post(
                        roles(user.id()),
                        Json.of(
                                "role",
                                "curator",
                                "durationSeconds",
                                60,
                                "endsAt",
                                clock.instant().plusSeconds(60).toString()),
                        admin)
                .assertProblem(400, "validation");
        api.post(
                        roles(user.id()),
                        Json.of(
                                "role",
                                "curator",
                                "endsAt",
                                clock.instant().minusSeconds(1).toString()),
                        admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()), Json.of("role", "dj", "durationSeconds", 60), admin)
                .assertProblem(400, "validation");
        api.post(roles(UUID.randomUUID()), Json.of("role", "curator", "durationSeconds", 60), admin)
                .assertProblem(404, "not-found");
        api.post(roles(catalogAdmin().id()), Json.of("role", "curator", "durationSeconds", 60), admin)
                .assertProblem(403, "forbidden");
        api.post(
                        roles(user.id()),
                        Json.of("role", "curator", "durationSeconds", 60),
                        newAccount().accessToken())
                .assertProblem(403, "forbidden");
        api.post(roles(user.id()), "{\"role\": ", admin).assertProblem(400, "malformed-request");
        api.post(roles(user.id()) + "/curator/pause", "", admin).assertProblem(404, "not-found");
        api.post(roles(user.id()) + "/curator/extend", Json.of("seconds", 60), admin)
                .assertProblem(404, "not-found");
        assertThat(actions(user.id())).isEmpty();

        grant(user.id(), "curator", Duration.ofDays(3000).toSeconds());
        api.post(
                        roles(user.id()) + "/curator/extend",
                        Json.of("seconds", Duration.ofDays(1000).toSeconds()),
                        admin)
                .assertProblem(400, "validation");
        api.post(roles(user.id()) + "/curator/extend", Json.of(), admin).assertProblem(400, "validation");
        api.post(roles(user.id()) + "/nonsense/pause", "", admin).assertProblem(400, "validation");
        api.get("/api/v1/admin/roles?role=nonsense", admin).assertProblem(400, "validation");
        api.get("/api/v1/admin/roles?cursor=zzz", admin).assertProblem(400, "validation");
        api.get("/api/v1/admin/roles", user.accessToken()).assertProblem(403, "forbidden");
        assertThat(actions(user.id())).containsExactly("grant");
    }

    @Test
    void theAdminListingFiltersAndPages() {
        var a = newAccount();
        var b = newAccount();
        var c = newAccount();
        String admin = catalogAdmin().accessToken();
        grant(a.id(), "supporter", 500);
        grant(b.id(), "supporter", 5000);
        grant(c.id(), "supporter", 50_000);
        api.post(roles(c.id()) + "/supporter/pause", "", admin).assertStatus(200);
        String soon = clock.instant().plusSeconds(1000).toString();
        var ending = api.get("/api/v1/admin/roles?role=supporter&endingBefore=" + soon + "&limit=100", admin)
                .assertStatus(200)
                .json();
        assertThat(ending.toString()).contains(a.id().toString()).doesNotContain(b.id().toString());
        var paused = api.get("/api/v1/admin/roles?paused=true&limit=100", admin).json();
        assertThat(paused.toString()).contains(c.id().toString()).doesNotContain(a.id().toString());

        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            var page = api.get(
                            "/api/v1/admin/roles?role=supporter&limit=2"
                                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                            admin)
                    .assertStatus(200)
                    .json();
            page.path("items").forEach(t -> assertThat(seen.add(
                            t.path("userId").asString() + t.path("role").asString()))
                    .isTrue());
            cursor = page.path("next").isNull() ? "" : page.path("next").asString();
            pages++;
        } while (!cursor.isEmpty() && pages < 10_000);
        assertThat(seen).contains(a.id() + "supporter", b.id() + "supporter", c.id() + "supporter");
        assertThat(api.get("/api/v1/admin/users/" + c.id() + "/roles", admin)
                        .json()
                        .path("items")
                        .get(0)
                        .path("state")
                        .asString())
                .isEqualTo("paused");
    }

    @Test
    void twoSweepsAtOnceNeverExpireOrWarnATimerTwice() throws Exception {
        var first = newAccount();
        var second = newAccount();
        // 1,500 dj timers already run out and 1,500 whose 5-minute warning is due: three batches each
        jdbc.sql("""
                        insert into role_timers (user_id, role, scope, ends_at, next_warning_at, granted_at, updated_at)
                        select u, 'dj', 'party:' || n, case when n % 2 = 0 then cast(:now as timestamptz) - interval '1 second'
                                                            else cast(:now as timestamptz) + interval '2 minutes' end,
                               cast(:now as timestamptz) - interval '3 minutes', :now, :now
                        from unnest(array[:a, :b]::uuid[]) u, generate_series(1, 1500) n""")
                .param("a", first.id())
                .param("b", second.id())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            var one = pool.submit(sweep::run);
            var two = pool.submit(sweep::run);
            one.get();
            two.get();
        }
        for (var user : List.of(first, second)) {
            assertThat(jdbc.sql("""
                            select count(*) filter (where action = 'expire'), count(distinct scope) filter (where action = 'expire'),
                                   count(*) filter (where action = 'warn'), count(distinct scope) filter (where action = 'warn')
                            from role_events where user_id = ?""")
                            .param(user.id())
                            .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                            .single())
                    .containsExactly(750L, 750L, 750L, 750L);
            assertThat(api.get("/api/v1/me/notifications", user.accessToken())
                            .json()
                            .path("unread")
                            .asLong())
                    .isEqualTo(1500);
        }
        assertThat(jdbc.sql("select count(*) from role_timers where user_id in (?, ?) and next_warning_at is not null")
                        .param(first.id())
                        .param(second.id())
                        .query(Long.class)
                        .single())
                .as("no warning left: the 5-minute one was the last")
                .isZero();
    }

    @Test
    void aScopedRoleHoldsInItsScopeOnly() {
        var host = newAccount();
        var dj = newAccount();
        var view = grants.grantInScope(host.id(), dj.id(), Role.DJ, "party:abc", Duration.ofMinutes(30));
        assertThat(view.scope()).isEqualTo("party:abc");
        assertThat(roles.holds(dj.id(), Role.DJ, "party:abc")).isTrue();
        assertThat(roles.holds(dj.id(), Role.DJ, "party:other")).isFalse();
        assertThat(api.get("/api/v1/users/" + dj.id() + "/badges", host.accessToken())
                        .json()
                        .path("badges")
                        .size())
                .as("a dj is no badge")
                .isZero();
        assertThat(grants.revokeInScope(host.id(), dj.id(), Role.DJ, "party:abc"))
                .isTrue();
        assertThat(grants.revokeInScope(host.id(), dj.id(), Role.DJ, "party:abc"))
                .isFalse();
        assertThat(roles.holds(dj.id(), Role.DJ, "party:abc")).isFalse();
        assertThat(actions(dj.id())).containsExactly("grant", "revoke");
    }
}
