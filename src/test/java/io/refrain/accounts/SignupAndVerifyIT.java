package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import io.refrain.support.Outbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignupAndVerifyIT extends IntegrationTest {

    @Test
    void signupMailsACodeThatVerifiesAndLogsIn() {
        String email = newEmail();
        var accepted = api.post(
                        "/api/v1/auth/signup",
                        Json.of("email", email, "password", "correct horse", "displayName", "Ann"))
                .assertStatus(202);
        assertThat(accepted.text("status")).isEqualTo("code_sent");

        String code = outbox.awaitCode(email);
        var tokens = api.post("/api/v1/auth/verify", Json.of("email", email, "code", code))
                .assertStatus(200);
        assertThat(tokens.text("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.json().path("refreshExpiresIn").asLong()).isEqualTo(30L * 24 * 3600);

        var me = api.get("/api/v1/me", tokens.text("accessToken")).assertStatus(200);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("displayName")).isEqualTo("Ann");
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"user\"]");

        var login = api.post("/api/v1/auth/login", Json.of("email", email.toUpperCase(), "password", "correct horse"))
                .assertStatus(200);
        assertThat(login.text("userId")).isEqualTo(me.text("id"));
    }

    @Test
    void signupAnswersTheSameForNewUnverifiedAndVerifiedAddresses() {
        var account = newAccount();
        String fresh = newEmail();
        var forNew =
                api.post("/api/v1/auth/signup", Json.of("email", fresh, "password", "whatever1", "displayName", "X"));
        var forExisting = api.post(
                "/api/v1/auth/signup", Json.of("email", account.email(), "password", "other-pass", "displayName", "Y"));
        assertThat(forExisting.status()).isEqualTo(forNew.status()).isEqualTo(202);
        assertThat(forExisting.body()).isEqualTo(forNew.body());

        // the owner of the verified account is told; their password is unchanged
        var mails = outbox.awaitMails(account.email(), 2);
        assertThat(mails.getLast()).contains("you already have one");
        api.post("/api/v1/auth/login", Json.of("email", account.email(), "password", account.password()))
                .assertStatus(200);
        api.post("/api/v1/auth/login", Json.of("email", account.email(), "password", "other-pass"))
                .assertProblem(401, "invalid-credentials");
    }

    @Test
    void wrongPasswordAndUnknownAddressGiveTheSameProblem() {
        var account = newAccount();
        var wrongPassword = api.post("/api/v1/auth/login", Json.of("email", account.email(), "password", "not-the-one"))
                .assertProblem(401, "invalid-credentials");
        var unknown = api.post("/api/v1/auth/login", Json.of("email", newEmail(), "password", "not-the-one"))
                .assertProblem(401, "invalid-credentials");
        assertThat(unknown.text("detail")).isEqualTo(wrongPassword.text("detail"));
    }

    @Test
    void unverifiedAccountCannotLogInAndGetsANewCode() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        outbox.awaitMails(email, 1);
        clock.advance(Duration.ofSeconds(61)); // past the resend throttle
        api.post("/api/v1/auth/login", Json.of("email", email, "password", "password1"))
                .assertProblem(403, "email-not-verified");
        String second = outbox.awaitCode(email, 2);
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", second)).assertStatus(200);
    }

    @Test
    void codeIsSingleUse() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertStatus(200);
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertProblem(400, "invalid-code");
    }

    @Test
    void codeExpiresAfterTenMinutes() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertProblem(400, "invalid-code");
    }

    @Test
    void fiveWrongTriesInvalidateTheCode() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/verify", Json.of("email", email, "code", wrong))
                    .assertProblem(400, "invalid-code");
        }
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertProblem(400, "invalid-code");
        assertThat(jdbc.sql("select count(*) from one_time_codes c join users u on u.id = c.user_id where u.email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void fourWrongTriesStillAllowTheRightCode() {
        String email = newEmail();
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "U"))
                .assertStatus(202);
        String code = outbox.awaitCode(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            api.post("/api/v1/auth/verify", Json.of("email", email, "code", wrong))
                    .assertProblem(400, "invalid-code");
        }
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", code)).assertStatus(200);
    }

    @Test
    void resendsAreThrottled() {
        String email = newEmail();
        String body = Json.of("email", email, "password", "password1", "displayName", "U");
        api.post("/api/v1/auth/signup", body).assertStatus(202);
        String first = outbox.awaitCode(email);
        api.post("/api/v1/auth/signup", body).assertStatus(202); // within the minute: no new mail
        clock.advance(Duration.ofSeconds(30));
        api.post("/api/v1/auth/signup", body).assertStatus(202);
        sleepBriefly();
        assertThat(outbox.mailsTo(email)).hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        api.post("/api/v1/auth/signup", body).assertStatus(202);
        String second = outbox.awaitCode(email, 2);
        // the new code replaces the old one
        if (!second.equals(first)) {
            api.post("/api/v1/auth/verify", Json.of("email", email, "code", first))
                    .assertProblem(400, "invalid-code");
        }
        api.post("/api/v1/auth/verify", Json.of("email", email, "code", second)).assertStatus(200);
    }

    @Test
    void signupValidatesItsFields() {
        var problem = api.post(
                        "/api/v1/auth/signup",
                        Json.of("email", "not-an-address", "password", "short", "displayName", ""))
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("displayName", "email", "password");
        // bcrypt reads 72 bytes; a longer password (in bytes) is refused, not truncated
        api.post("/api/v1/auth/signup", Json.of("email", newEmail(), "password", "é".repeat(40), "displayName", "U"))
                .assertProblem(400, "validation");
    }

    @Test
    void configuredAdminAddressGetsTheAdminRole() {
        String email = "admin@refrain.test";
        api.post("/api/v1/auth/signup", Json.of("email", email, "password", "password1", "displayName", "Admin"));
        var mails = outbox.awaitMails(email, 1);
        var tokens = api.post("/api/v1/auth/verify", Json.of("email", email, "code", Outbox.code(mails.getLast())))
                .assertStatus(200);
        assertThat(tokens.json().path("roles").toString()).isEqualTo("[\"admin\",\"user\"]");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(300); // mail is asynchronous: give a wrongly sent mail time to appear
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
