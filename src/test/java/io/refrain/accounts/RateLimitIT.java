package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test context allows 30 auth requests per minute per address and 10 per account. */
class RateLimitIT extends IntegrationTest {

    @Test
    void loginIsLimitedPerClientAddress() {
        Api client = api.from(Api.randomAddress());
        for (int i = 0; i < 30; i++) {
            client.post("/api/v1/auth/login", Json.of("email", newEmail(), "password", "wrong-pass"))
                    .assertProblem(401, "invalid-credentials");
        }
        var limited = client.post("/api/v1/auth/login", Json.of("email", newEmail(), "password", "wrong-pass"))
                .assertProblem(429, "rate-limited");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(limited.json().path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);

        // the same endpoints from another address still work
        api.from(Api.randomAddress())
                .post("/api/v1/auth/login", Json.of("email", newEmail(), "password", "wrong-pass"))
                .assertProblem(401, "invalid-credentials");

        clock.advance(Duration.ofSeconds(retryAfter));
        client.post("/api/v1/auth/login", Json.of("email", newEmail(), "password", "wrong-pass"))
                .assertProblem(401, "invalid-credentials");
    }

    @Test
    void guessingOneAccountFromManyAddressesIsLimitedPerAccount() {
        var account = newAccount(); // its verification used 1 of the 10
        for (int i = 0; i < 9; i++) {
            api.from(Api.randomAddress())
                    .post("/api/v1/auth/login", Json.of("email", account.email(), "password", "guess" + i))
                    .assertProblem(401, "invalid-credentials");
        }
        api.from(Api.randomAddress())
                .post("/api/v1/auth/login", Json.of("email", account.email(), "password", account.password()))
                .assertProblem(429, "rate-limited");
        // unknown addresses are limited the same way, so the limit reveals nothing
        String unknown = newEmail();
        for (int i = 0; i < 10; i++) {
            api.from(Api.randomAddress())
                    .post("/api/v1/auth/login", Json.of("email", unknown, "password", "guess" + i))
                    .assertProblem(401, "invalid-credentials");
        }
        api.from(Api.randomAddress())
                .post("/api/v1/auth/login", Json.of("email", unknown, "password", "guess"))
                .assertProblem(429, "rate-limited");
    }

    @Test
    void codeEndpointsAreLimitedToo() {
        String email = newEmail();
        for (int i = 0; i < 10; i++) {
            api.from(Api.randomAddress())
                    .post("/api/v1/auth/verify", Json.of("email", email, "code", "000000"))
                    .assertProblem(400, "invalid-code");
        }
        api.from(Api.randomAddress())
                .post("/api/v1/auth/otp/login", Json.of("email", email, "code", "000000"))
                .assertProblem(429, "rate-limited");
        api.from(Api.randomAddress())
                .post("/api/v1/auth/otp/request", Json.of("email", email))
                .assertProblem(429, "rate-limited");
    }
}
