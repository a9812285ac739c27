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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "refrain.auth.password-hash-cost=4",
        "refrain.rate-limit.auth-per-address-per-minute=30",
        "refrain.rate-limit.auth-per-account-per-minute=10",
        "refrain.auth.admin-emails=admin@refrain.test",
        "server.forward-headers-strategy=native",
        "spring.task.scheduling.pool.size=1"
})
@Import(TestClockConfig.class)
public abstract class IntegrationTest {

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
        String email = newEmail();
        String password = "password-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", password, "displayName", "Test User"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        var tokens = api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertStatus(200);
        return new Account(email, password, tokens.text("accessToken"), tokens.text("refreshToken"),
                UUID.fromString(tokens.text("userId")));
    }

    public record Account(String email, String password, String accessToken, String refreshToken, UUID id) {
    }
}
