package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.Json;
import io.refrain.support.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overload answers 503 with Retry-After and recovers: a server of its own (its own data directory
 * and embedded PostgreSQL, closed after the class) with a tiny bound on requests in flight (2) and a
 * tiny pool (4 connections, 1 s wait), so both limits can be reached on purpose. Requests are held
 * inside the server by a table lock the test takes, never by sleeping.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "refrain.http.max-in-flight=2",
            "refrain.http.in-flight-wait=100ms",
            "refrain.database.pool-size=4",
            "refrain.database.connection-timeout=1s",
            "refrain.accounts.password-hash-cost=4",
            "refrain.catalog.load-demo=false",
            "refrain.catalog.musicbrainz.enabled=false",
            "server.forward-headers-strategy=native",
            "spring.task.scheduling.pool.size=1"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OverloadIT {

    private static final ExecutorService CLIENTS = Executors.newVirtualThreadPerTaskExecutor();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private Api api;

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("refrain.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("refrain-overload-it-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @BeforeEach
    void client() {
        api = new Api(port, Api.randomAddress());
    }

    @Test
    void requestsBeyondTheInFlightBoundAreRefusedWith503AndRetryAfterWhileProbesStillAnswer() throws Exception {
        List<CompletableFuture<Api.Response>> held = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table users in access exclusive mode");
            }
            // two logins fill the bound: each waits inside the server for the lock on users
            for (int i = 0; i < 2; i++) {
                Api client = api.from(Api.randomAddress());
                held.add(CompletableFuture.supplyAsync(
                        () -> client.post(
                                "/api/v1/auth/login",
                                Json.of(
                                        "email",
                                        "held-" + System.nanoTime() + "@refrain.test",
                                        "password",
                                        "wrong-pass")),
                        CLIENTS));
            }
            awaitBackendsWaitingForALock(2);

            var refused = api.get("/api/v1/tracks/1").assertProblem(503, "service-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().path("retryAfterSeconds").asLong()).isEqualTo(1);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            var listenBrainz = api.get("/1/validate-token?token=not-a-token");
            assertThat(listenBrainz.status()).isEqualTo(503);
            assertThat(listenBrainz.header("Retry-After")).isEqualTo("1");
            assertThat(listenBrainz.json().path("code").asInt()).isEqualTo(503);
            // monitoring is never refused
            api.get("/actuator/health").assertStatus(200);
            api.get("/actuator/health/liveness").assertStatus(200);
            assertThat(held).allMatch(f -> !f.isDone());
            lock.rollback();
        }
        for (CompletableFuture<Api.Response> f : held) {
            f.get().assertProblem(401, "invalid-credentials");
        }
        // back to normal as soon as the held requests are done
        api.get("/api/v1/tracks/1").assertStatus(401);
    }

    @Test
    void aPoolWaitThatTimesOutIs503WithRetryAfterNever500() throws Exception {
        // a fresh account whose session has not been checked yet, so its first request needs the database
        String email = "pool-" + System.nanoTime() + "@refrain.test";
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password-123", "displayName", "Pool"))
                .assertStatus(202);
        String code = new Outbox(DATA_DIR.resolve("outbox")).awaitCode(email);
        String token = api.post("/api/v1/auth/verify", Json.of("email", email, "code", code))
                .assertStatus(200)
                .text("accessToken");
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                all.add(dataSource.getConnection());
            }
            var problem = api.post(
                            "/api/v1/auth/login", Json.of("email", "pool@refrain.test", "password", "wrong-pass"))
                    .assertProblem(503, "service-unavailable");
            assertThat(problem.header("Retry-After")).isEqualTo("1");
            assertThat(problem.json().path("retryAfterSeconds").asLong()).isEqualTo(1);
            // the ListenBrainz API answers in its own shape, with the same header
            var listenBrainz = api.get("/1/validate-token?token=not-a-token");
            assertThat(listenBrainz.status()).isEqualTo(503);
            assertThat(listenBrainz.header("Retry-After")).isEqualTo("1");
            assertThat(listenBrainz.json().path("code").asInt()).isEqualTo(503);
            // checking the token's session needs the database too: busy, not "your session has ended"
            var authenticated = api.get("/api/v1/me", token).assertProblem(503, "service-unavailable");
            assertThat(authenticated.header("Retry-After")).isEqualTo("1");
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
        api.post("/api/v1/auth/login", Json.of("email", "pool@refrain.test", "password", "wrong-pass"))
                .assertProblem(401, "invalid-credentials");
        api.get("/1/validate-token?token=not-a-token").assertStatus(200);
        api.get("/api/v1/me", token).assertStatus(200);
    }

    private void awaitBackendsWaitingForALock(int count) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            long waiting = jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
                    .query(Long.class)
                    .single();
            if (waiting >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the held requests never reached the lock");
    }
}
