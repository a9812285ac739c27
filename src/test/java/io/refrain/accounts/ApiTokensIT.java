package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiTokensIT extends IntegrationTest {

    @Test
    void aTokenIsShownOnceListedWithoutItselfAndStopsWorkingWhenRevoked() {
        var user = newAccount();
        var created = api.post("/api/v1/me/tokens", Json.of("name", "  Navidrome "), user.accessToken())
                .assertStatus(201)
                .json();
        String token = created.path("token").asString();
        assertThat(token).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created.path("name").asString()).isEqualTo("Navidrome");
        assertThat(created.path("prefix").asString()).isEqualTo(token.substring(0, 8));
        String id = created.path("id").asString();

        JsonNode listed = api.get("/api/v1/me/tokens", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.get(0).path("prefix").asString()).isEqualTo(token.substring(0, 8));
        assertThat(listed.get(0).path("lastUsedAt").isNull()).isTrue();
        assertThat(api.get("/api/v1/me/tokens", user.accessToken()).body()).doesNotContain(token);
        // only a hash is stored
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash = sha256(convert_to(:t, 'UTF8'))")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var client = api.withHeader("Authorization", "Token " + token);
        assertThat(client.get("/1/validate-token")
                        .assertStatus(200)
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/me/tokens", user.accessToken())
                        .json()
                        .get(0)
                        .path("lastUsedAt")
                        .isNull())
                .isFalse();

        api.delete("/api/v1/me/tokens/" + id, user.accessToken()).assertStatus(204);
        assertThat(api.get("/api/v1/me/tokens", user.accessToken()).json().size())
                .isZero();
        assertThat(client.get("/1/validate-token").json().path("valid").asBoolean())
                .isFalse();
        var refused = client.post("/1/submit-listens", "{\"listen_type\": \"single\", \"payload\": []}")
                .assertStatus(401)
                .json();
        assertThat(refused.path("error").asString()).isEqualTo("Invalid authorization token.");
        api.delete("/api/v1/me/tokens/" + id, user.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void someoneElsesTokenCannotBeListedNorRevoked() {
        var owner = newAccount();
        var other = newAccount();
        String id = api.post("/api/v1/me/tokens", Json.of("name", "phone"), owner.accessToken())
                .assertStatus(201)
                .text("id");
        assertThat(api.get("/api/v1/me/tokens", other.accessToken()).json().size())
                .isZero();
        api.delete("/api/v1/me/tokens/" + id, other.accessToken()).assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/me/tokens", owner.accessToken()).json().size())
                .isEqualTo(1);
    }

    @Test
    void aUserHoldsAtMostTwentyTokensAndNamesAreChecked() {
        var user = newAccount();
        for (int i = 0; i < ApiTokens.MAX_PER_USER; i++) {
            api.post("/api/v1/me/tokens", Json.of("name", "device " + i), user.accessToken())
                    .assertStatus(201);
        }
        api.post("/api/v1/me/tokens", Json.of("name", "one more"), user.accessToken())
                .assertProblem(409, "conflict");
        var another = newAccount();
        api.post("/api/v1/me/tokens", Json.of("name", " "), another.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/me/tokens", Json.of("name", "x".repeat(101)), another.accessToken())
                .assertProblem(400, "validation");
        api.get("/api/v1/me/tokens").assertProblem(401, "unauthenticated");
        api.delete("/api/v1/me/tokens/" + UUID.randomUUID(), another.accessToken())
                .assertProblem(404, "not-found");
    }
}
