package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordlessLoginIT extends IntegrationTest {

    @Test
    void loginWithAMailedCode() {
        var account = newAccount();
        clock.advance(Duration.ofSeconds(61));
        var accepted = api.post("/api/v1/auth/otp/request", Json.of("email", account.email()))
                .assertStatus(202);
        String code = outbox.awaitCode(account.email(), 2);
        var tokens = api.post("/api/v1/auth/otp/login", Json.of("email", account.email(), "code", code))
                .assertStatus(200);
        api.get("/api/v1/me", tokens.text("accessToken")).assertStatus(200);

        var unknown = api.post("/api/v1/auth/otp/request", Json.of("email", newEmail()))
                .assertStatus(202);
        assertThat(unknown.body()).isEqualTo(accepted.body());
    }

    @Test
    void unknownAddressGetsNoMailAndNoLogin() {
        String email = newEmail();
        api.post("/api/v1/auth/otp/request", Json.of("email", email)).assertStatus(202);
        api.post("/api/v1/auth/otp/login", Json.of("email", email, "code", "123456"))
                .assertProblem(400, "invalid-code");
        assertThat(outbox.mailsTo(email)).isEmpty();
    }

    @Test
    void aCodeLoginVerifiesTheAddress() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        outbox.awaitMails(email, 1);
        api.post("/api/v1/auth/otp/request", Json.of("email", email)).assertStatus(202);
        String code = outbox.awaitCode(email, 2);
        var tokens = api.post("/api/v1/auth/otp/login", Json.of("email", email, "code", code))
                .assertStatus(200);
        assertThat(api.get("/api/v1/me", tokens.text("accessToken"))
                        .json()
                        .path("emailVerified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void verificationCodeIsNotALoginCode() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        String verifyCode = outbox.awaitCode(email);
        api.post("/api/v1/auth/otp/login", Json.of("email", email, "code", verifyCode))
                .assertProblem(400, "invalid-code");
    }
}
