package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokensIT extends IntegrationTest {

    @Test
    void accessTokenExpiresAfterFifteenMinutes() {
        var account = newAccount();
        api.get("/api/v1/me", account.accessToken()).assertStatus(200);
        clock.advance(Duration.ofMinutes(14));
        api.get("/api/v1/me", account.accessToken()).assertStatus(200);
        clock.advance(Duration.ofMinutes(1).plusSeconds(10));
        var expired = api.get("/api/v1/me", account.accessToken()).assertProblem(401, "unauthenticated");
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");

        var refreshed = api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertStatus(200);
        api.get("/api/v1/me", refreshed.text("accessToken")).assertStatus(200);
    }

    @Test
    void refreshRotatesTheToken() {
        var account = newAccount();
        var first = api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertStatus(200);
        assertThat(first.text("refreshToken")).isNotEqualTo(account.refreshToken());
        var second = api.post("/api/v1/auth/refresh", Json.of("refreshToken", first.text("refreshToken")))
                .assertStatus(200);
        api.get("/api/v1/me", second.text("accessToken")).assertStatus(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        var account = newAccount();
        var rotated = api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertStatus(200);

        // an attacker (or a buggy client) presents the old token again
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertProblem(401, "refresh-token-reused");

        // every token of that session is now dead, including the newest ones
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", rotated.text("refreshToken")))
                .assertProblem(401, "invalid-refresh-token");
        api.get("/api/v1/me", rotated.text("accessToken")).assertProblem(401, "unauthenticated");
        api.get("/api/v1/me", account.accessToken()).assertProblem(401, "unauthenticated");

        // other sessions of the same user are untouched
        var other = api.post("/api/v1/auth/login", Json.of("email", account.email(), "password", account.password()))
                .assertStatus(200);
        api.get("/api/v1/me", other.text("accessToken")).assertStatus(200);
    }

    @Test
    void logoutEndsTheSession() {
        var account = newAccount();
        api.post("/api/v1/auth/logout", Json.of("refreshToken", account.refreshToken()))
                .assertStatus(204);
        api.get("/api/v1/me", account.accessToken()).assertProblem(401, "unauthenticated");
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertProblem(401, "invalid-refresh-token");
        // idempotent, and unknown tokens are no error
        api.post("/api/v1/auth/logout", Json.of("refreshToken", account.refreshToken()))
                .assertStatus(204);
        api.post("/api/v1/auth/logout", Json.of("refreshToken", "garbage")).assertStatus(204);
    }

    @Test
    void logoutWithTheAccessTokenEndsTheCurrentSession() {
        var account = newAccount();
        api.post("/api/v1/me/logout", null, account.accessToken()).assertStatus(204);
        api.get("/api/v1/me", account.accessToken()).assertProblem(401, "unauthenticated");
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertProblem(401, "invalid-refresh-token");
    }

    @Test
    void refreshTokenExpiresAfterThirtyDays() {
        var account = newAccount();
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", account.refreshToken()))
                .assertProblem(401, "invalid-refresh-token");
    }

    @Test
    void forgedOrMalformedTokensAreRefused() {
        var account = newAccount();
        String token = account.accessToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        api.get("/api/v1/me", tampered).assertProblem(401, "unauthenticated");
        api.get("/api/v1/me", "not-a-jwt").assertProblem(401, "unauthenticated");
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", "not-a-token"))
                .assertProblem(401, "invalid-refresh-token");
        api.get("/api/v1/me").assertProblem(401, "unauthenticated");
    }
}
