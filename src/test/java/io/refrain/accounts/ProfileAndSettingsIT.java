package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import org.junit.jupiter.api.Test;

class ProfileAndSettingsIT extends IntegrationTest {

    @Test
    void patchChangesOnlyTheGivenFields() {
        var account = newAccount();
        var updated = api.patch(
                        "/api/v1/me",
                        Json.of("bio", "Jazz and noise", "avatarUrl", "https://img.example/a.png"),
                        account.accessToken())
                .assertStatus(200);
        assertThat(updated.text("bio")).isEqualTo("Jazz and noise");
        assertThat(updated.text("avatarUrl")).isEqualTo("https://img.example/a.png");
        assertThat(updated.text("displayName")).isEqualTo("Test User");

        var renamed = api.patch("/api/v1/me", Json.of("displayName", "  Ann  ", "avatarUrl", ""), account.accessToken())
                .assertStatus(200);
        assertThat(renamed.text("displayName")).isEqualTo("Ann");
        assertThat(renamed.text("bio")).isEqualTo("Jazz and noise");
        assertThat(renamed.json().path("avatarUrl").isNull()).isTrue();
    }

    @Test
    void patchValidates() {
        var account = newAccount();
        var problem = api.patch(
                        "/api/v1/me",
                        Json.of("displayName", " ", "bio", "x".repeat(1001), "avatarUrl", "javascript:alert(1)"),
                        account.accessToken())
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("displayName", "bio", "avatarUrl");
        api.patch("/api/v1/me", Json.of("email", "new@x.org"), account.accessToken())
                .assertProblem(400, "malformed-request");
    }

    @Test
    void settingsHaveDefaultsAndCanBeReplaced() {
        var account = newAccount();
        var defaults = api.get("/api/v1/me/settings", account.accessToken()).assertStatus(200);
        assertThat(defaults.text("theme")).isEqualTo("system");
        assertThat(defaults.text("timezone")).isEqualTo("UTC");

        String settings = Json.of(
                "language",
                "pt-BR",
                "theme",
                "dark",
                "explicitContent",
                "block",
                "audioQuality",
                "lossless",
                "privateSession",
                true,
                "autoplay",
                false,
                "crossfadeSeconds",
                6,
                "normalizeVolume",
                false,
                "timezone",
                "Europe/Lisbon");
        var saved =
                api.put("/api/v1/me/settings", settings, account.accessToken()).assertStatus(200);
        assertThat(saved.json()).isEqualTo(Json.MAPPER.readTree(settings));
        assertThat(api.get("/api/v1/me/settings", account.accessToken()).json())
                .isEqualTo(Json.MAPPER.readTree(settings));
    }

    @Test
    void settingsAreValidated() {
        var account = newAccount();
        var problem = api.put(
                        "/api/v1/me/settings",
                        Json.of(
                                "language",
                                "English",
                                "theme",
                                "neon",
                                "explicitContent",
                                "allow",
                                "audioQuality",
                                "high",
                                "privateSession",
                                false,
                                "autoplay",
                                true,
                                "crossfadeSeconds",
                                99,
                                "normalizeVolume",
                                true,
                                "timezone",
                                "UTC"),
                        account.accessToken())
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field"))
                .containsExactly("crossfadeSeconds", "language", "theme");

        api.put(
                        "/api/v1/me/settings",
                        Json.of(
                                "language",
                                "en",
                                "theme",
                                "dark",
                                "explicitContent",
                                "allow",
                                "audioQuality",
                                "high",
                                "privateSession",
                                false,
                                "autoplay",
                                true,
                                "crossfadeSeconds",
                                0,
                                "normalizeVolume",
                                true,
                                "timezone",
                                "Mars/Olympus"),
                        account.accessToken())
                .assertProblem(400, "validation");

        var unknownField = api.put("/api/v1/me/settings", Json.of("theme", "dark", "volume", 11), account.accessToken())
                .assertProblem(400, "malformed-request");
        assertThat(unknownField.text("detail")).contains("volume");
        var wrongType = api.put("/api/v1/me/settings", Json.of("crossfadeSeconds", "lots"), account.accessToken())
                .assertProblem(400, "malformed-request");
        assertThat(wrongType.text("detail")).contains("crossfadeSeconds");
    }

    @Test
    void usersSeeOnlyTheirOwnAccount() {
        var ann = newAccount();
        var bob = newAccount();
        api.patch("/api/v1/me", Json.of("bio", "ann's"), ann.accessToken()).assertStatus(200);
        assertThat(api.get("/api/v1/me", bob.accessToken()).text("bio")).isEmpty();
        assertThat(api.get("/api/v1/me", bob.accessToken()).text("email")).isEqualTo(bob.email());
    }
}
