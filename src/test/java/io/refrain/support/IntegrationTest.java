package io.refrain.support;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the whole application on a random port, a real
 * PostgreSQL with the production migrations, a movable clock. All subclasses share one
 * application context (and one database); tests isolate themselves by using fresh e-mail
 * addresses and their own client address ({@code X-Forwarded-For}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "refrain.accounts.password-hash-cost=4",
            "refrain.accounts.rate-limit.per-address-per-minute=30",
            "refrain.accounts.rate-limit.per-account-per-minute=10",
            "refrain.accounts.admin-emails=admin@refrain.test," + IntegrationTest.CATALOG_ADMIN,
            "server.forward-headers-strategy=native",
            // the webhook tests' receivers listen on loopback
            "refrain.notifications.webhooks.allow-private-addresses=true",
            "spring.task.scheduling.pool.size=1"
        })
@Import(TestClockConfig.class)
public abstract class IntegrationTest {

    /** An administrator shared by the tests that edit the catalog (signed up once per test run). */
    static final String CATALOG_ADMIN = "catalog-admin@refrain.test";

    private static Account catalogAdmin;
    private static java.time.Instant catalogAdminIssuedAt;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;
    protected Outbox outbox;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        MusicBrainzStub.register(registry);
    }

    @BeforeEach
    void setUpClient() {
        api = new Api(port, Api.randomAddress());
        outbox = new Outbox(TestDatabase.DATA_DIR.resolve("outbox"));
    }

    protected static String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@refrain.test";
    }

    /** Signs up and verifies a fresh account; returns its e-mail, password and tokens. */
    protected Account newAccount() {
        return signUp(newEmail());
    }

    private Account signUp(String email) {
        String password = "password-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", password, "displayName", "Test User"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        var tokens = api.post("/api/v1/auth/verify", Json.of("email", email, "code", code))
                .assertStatus(200);
        return new Account(
                email,
                password,
                tokens.text("accessToken"),
                tokens.text("refreshToken"),
                UUID.fromString(tokens.text("userId")));
    }

    /**
     * The shared catalog administrator, signed up on first use. Its tokens are reused while the
     * (movable) clock says they are fresh, so tests do not run into the login rate limit.
     */
    protected Account catalogAdmin() {
        synchronized (IntegrationTest.class) {
            if (catalogAdmin == null) {
                catalogAdmin = signUp(CATALOG_ADMIN);
                catalogAdminIssuedAt = clock.instant();
            } else if (clock.instant().isAfter(catalogAdminIssuedAt.plusSeconds(600))
                    || clock.instant().isBefore(catalogAdminIssuedAt)) {
                var tokens = api.post(
                                "/api/v1/auth/login",
                                Json.of("email", CATALOG_ADMIN, "password", catalogAdmin.password()))
                        .assertStatus(200);
                catalogAdmin = new Account(
                        CATALOG_ADMIN,
                        catalogAdmin.password(),
                        tokens.text("accessToken"),
                        tokens.text("refreshToken"),
                        catalogAdmin.id());
                catalogAdminIssuedAt = clock.instant();
            }
            return catalogAdmin;
        }
    }

    public record Account(String email, String password, String accessToken, String refreshToken, UUID id) {}
}
