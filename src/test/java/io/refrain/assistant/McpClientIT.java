package io.refrain.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real MCP clients against /mcp: the official TypeScript SDK client runs a whole session (list
 * tools, search, a taste conversation to a profile code, a playlist built and the build retried),
 * and the official conformance suite runs its server scenarios that apply to Refrain through a
 * small proxy that adds the bearer token (the suite's client sends none), and the SDK client runs
 * its own OAuth flow against Refrain as the authorization server. Needs Node 20 and npm;
 * the test installs {@code src/test/node}'s locked packages itself.
 */
class McpClientIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The conformance scenarios that apply to Refrain. Left out: logging-set-level (the SDK's
     * stateless server has no logging/setLevel: a stateless server has no session to set a level
     * for) and completion-complete (Refrain offers no completions); the rest need the suite's own
     * test tools, resources and prompts ({@code test_simple_text}, {@code test://static-text}, …).
     */
    private static final List<String> SCENARIOS = List.of(
            "server-initialize", "ping", "tools-list", "resources-list", "prompts-list", "dns-rebinding-protection");

    @BeforeAll
    static void installClients() {
        Node.assumeAvailable();
        Node.install();
    }

    private String assistantToken(Account account) {
        return api.post(
                        "/api/v1/me/tokens",
                        "{\"name\": \"TypeScript SDK\", \"scopes\": [\"mcp:read\", \"mcp:write\"]}",
                        account.accessToken())
                .assertStatus(201)
                .text("token");
    }

    @Test
    void theOfficialTypeScriptClientRunsAWholeSession() {
        Account user = newAccount();
        Node.Result run = Node.run(
                Duration.ofMinutes(2),
                Map.of("MCP_URL", "http://127.0.0.1:" + port + "/mcp", "MCP_TOKEN", assistantToken(user)),
                "mcp-session.mjs");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        JsonNode out = JSON.readTree(run.stdout());

        List<String> tools = new ArrayList<>();
        out.path("tools").forEach(t -> tools.add(t.asString()));
        assertThat(tools)
                .hasSizeLessThanOrEqualTo(15)
                .contains("search_catalog", "taste_conversation_start", "build_playlist", "recommend_tracks");
        assertThat(out.path("searchIsError").asBoolean()).isFalse();
        assertThat(out.path("searchCount").asInt()).isPositive();

        List<Integer> confidences = new ArrayList<>();
        out.path("confidences").forEach(c -> confidences.add(c.asInt()));
        assertThat(confidences).isSorted().last().satisfies(c -> assertThat(c).isGreaterThanOrEqualTo(70));
        assertThat(out.path("profileCode").asString()).hasSize(37);

        JsonNode ids = out.path("playlistIds");
        assertThat(ids.size()).as(out.toString()).isEqualTo(2);
        assertThat(ids.get(0).asString()).isNotBlank().isEqualTo(ids.get(1).asString());
        JsonNode playlists =
                api.get("/api/v1/me/playlists", user.accessToken()).json().path("items");
        assertThat(playlists.size()).isEqualTo(1);
        assertThat(playlists.get(0).path("trackCount").asInt()).isPositive();

        assertThat(out.path("badCreate").path("isError").asBoolean())
                .as(out.path("badCreate").toString())
                .isTrue();
    }

    /** The SDK client's OAuth session (mcp-oauth.mjs) for a new account; its JSON summary. */
    private JsonNode oauthSession(Account account, String authMethods) {
        Node.Result run = Node.run(
                Duration.ofMinutes(2),
                Map.of(
                        "MCP_URL",
                        "http://127.0.0.1:" + port + "/mcp",
                        "REFRAIN_EMAIL",
                        account.email(),
                        "REFRAIN_PASSWORD",
                        account.password(),
                        "MCP_AUTH_METHODS",
                        authMethods),
                "mcp-oauth.mjs");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    /**
     * The SDK client's own OAuth support against Refrain as the authorization server: discovery from
     * the 401, dynamic registration as a public client (as MCP hosts register), the authorization
     * code with PKCE (the script plays the user's browser on the login form and the consent page),
     * then a read and a write tool with the token.
     */
    @Test
    void theOfficialClientRunsTheOAuthFlow() {
        Account account = newAccount();
        JsonNode out = oauthSession(account, "none");
        List<String> tools = new ArrayList<>();
        out.path("tools").forEach(t -> tools.add(t.asString()));
        assertThat(tools).contains("search_catalog", "build_playlist");
        assertThat(out.path("authMethod").asString()).isEqualTo("none");
        assertThat(out.path("tokenType").asString()).as(out.toString()).isEqualToIgnoringCase("bearer");
        assertThat(out.path("playlistsIsError").asBoolean()).as(out.toString()).isFalse();
        assertThat(out.path("createIsError").asBoolean()).as(out.toString()).isFalse();
        assertThat(out.path("createdId").asString()).isNotBlank();
        assertThat(out.path("refreshed").path("result").asString())
                .as("a public client refreshes too")
                .isEqualTo("AUTHORIZED");
        assertThat(out.path("refreshed").path("rotatedRefreshToken").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/me/playlists", account.accessToken())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    /** A confidential client gets a refresh token; the SDK refreshes without the user, rotating it. */
    @Test
    void theOfficialClientRefreshesAsAConfidentialClient() {
        JsonNode refreshed = oauthSession(newAccount(), "client_secret_basic").path("refreshed");
        assertThat(refreshed.path("result").asString()).as(refreshed.toString()).isEqualTo("AUTHORIZED");
        assertThat(refreshed.path("redirected").asBoolean()).isFalse();
        assertThat(refreshed.path("newAccessToken").asBoolean()).isTrue();
        assertThat(refreshed.path("rotatedRefreshToken").asBoolean()).isTrue();
        assertThat(refreshed.path("toolsAfterRefresh").asInt()).isPositive();
    }

    @Test
    void theConformanceSuitesApplicableServerScenariosPass() {
        Account user = newAccount();
        try (Node.Running proxy =
                Node.start(Map.of(), "header-proxy.mjs", "0", "http://127.0.0.1:" + port, assistantToken(user))) {
            List<String> args = new ArrayList<>();
            args.add("http://127.0.0.1:" + proxy.port() + "/mcp");
            args.addAll(SCENARIOS);
            Node.Result run =
                    Node.run(Duration.ofMinutes(3), Map.of(), "run-conformance.mjs", args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
            JsonNode scenarios = JSON.readTree(run.stdout()).path("scenarios");
            List<String> failures = new ArrayList<>();
            for (String scenario : SCENARIOS) {
                JsonNode checks = scenarios.path(scenario).path("checks");
                if (checks.isEmpty()) {
                    failures.add(scenario + ": no checks ran " + scenarios.path(scenario));
                }
                checks.forEach(check -> {
                    String status = check.path("status").asString();
                    if (status.equals("FAILURE") || status.equals("ERROR")) {
                        failures.add(scenario + "/" + check.path("id").asString() + ": "
                                + check.path("errorMessage").asString());
                    }
                });
            }
            assertThat(failures).isEmpty();
        }
    }
}
