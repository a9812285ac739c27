package io.refrain.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MCP endpoint over plain HTTP: authorization as the MCP spec has it (401 with the resource
 * metadata, RFC 9728 documents, 403 insufficient_scope), write tools once per request id, tool
 * errors as results, per-user isolation, revocation at once, hourly limits and the audit trail.
 * The official TypeScript client drives it in {@code McpClientIT}.
 */
class McpEndpointIT extends McpTestSupport {

    @Test
    void withoutATokenItAnswers401PointingAtTheResourceMetadata() {
        Api.Response r = rpc(null, "tools/list", "{}");
        assertThat(r.status()).isEqualTo(401);
        String metadata = "http://localhost:" + port + "/.well-known/oauth-protected-resource/mcp";
        assertThat(r.header("WWW-Authenticate"))
                .startsWith("Bearer")
                .contains("resource_metadata=\"" + metadata + "\"");

        JsonNode doc = api.get("/.well-known/oauth-protected-resource/mcp")
                .assertStatus(200)
                .json();
        assertThat(doc.path("resource").asString()).isEqualTo("http://localhost:" + port + "/mcp");
        List<String> scopes = new ArrayList<>();
        doc.path("scopes_supported").forEach(s -> scopes.add(s.asString()));
        assertThat(scopes).contains("mcp:read", "mcp:write");
        api.get("/.well-known/oauth-protected-resource").assertStatus(200);

        Api.Response bad = rpc("not-a-token", "tools/list", "{}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void aScrobblerTokenIsNotAnAssistantTokenAndTheOtherWayRound() {
        Account user = newAccount();
        Api.Response r = rpc(token(user), "tools/list", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"");

        String assistant = token(user, "mcp:read");
        var validate = api.withHeader("Authorization", "Token " + assistant).get("/1/validate-token");
        assertThat(validate.json().path("valid").asBoolean()).isFalse();

        api.post("/api/v1/me/tokens", "{\"name\": \"x\", \"scopes\": [\"bogus\"]}", user.accessToken())
                .assertStatus(400);
        api.post(
                        "/api/v1/me/tokens",
                        "{\"name\": \"x\", \"scopes\": [\"listenbrainz\", \"mcp:read\"]}",
                        user.accessToken())
                .assertStatus(400);
        JsonNode writer = api.post(
                        "/api/v1/me/tokens", "{\"name\": \"w\", \"scopes\": [\"mcp:write\"]}", user.accessToken())
                .assertStatus(201)
                .json();
        assertThat(writer.path("scopes").toString()).contains("mcp:read").contains("mcp:write");
    }

    @Test
    void aReadOnlyTokenReadsButAWriteToolIs403InsufficientScope() {
        Account user = newAccount();
        String reader = token(user, "mcp:read");
        JsonNode tools = rpc(reader, "tools/list", "{}")
                .assertStatus(200)
                .json()
                .path("result")
                .path("tools");
        assertThat(tools.size()).isBetween(10, 15);
        tools.forEach(t -> {
            assertThat(t.path("inputSchema").isObject())
                    .as(t.path("name").asString())
                    .isTrue();
            assertThat(t.path("outputSchema").isObject())
                    .as(t.path("name").asString())
                    .isTrue();
            assertThat(t.path("annotations").has("readOnlyHint")).isTrue();
        });

        JsonNode search = call(reader, "search_catalog", "{\"query\": \"love\", \"limit\": 3}");
        assertThat(search.path("isError").asBoolean()).isFalse();
        assertThat(search.path("structuredContent").has("tracks")).isTrue();

        Api.Response denied = rpc(
                reader,
                "tools/call",
                "{\"name\": \"create_playlist\", \"arguments\": {\"name\": \"x\", \"requestId\": \"r1\"}}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("WWW-Authenticate"))
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"mcp:read mcp:write\"");
        assertThat(api.get("/api/v1/me/playlists", user.accessToken())
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void aRetriedWriteWithTheSameRequestIdMakesOnePlaylist() {
        Account user = newAccount();
        String writer = token(user, "mcp:read", "mcp:write");
        String args = "{\"name\": \"Road trip\", \"requestId\": \"trip-1\"}";
        JsonNode first = call(writer, "create_playlist", args);
        JsonNode again = call(writer, "create_playlist", args);
        assertThat(first.path("isError").asBoolean()).as(first.toString()).isFalse();
        String id = first.path("structuredContent").path("id").asString();
        assertThat(again.path("structuredContent").path("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/me/playlists", user.accessToken())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        JsonNode other = call(writer, "create_playlist", "{\"name\": \"Road trip\", \"requestId\": \"trip-2\"}");
        assertThat(other.path("structuredContent").path("id").asString()).isNotEqualTo(id);

        JsonNode activity = api.get("/api/v1/me/assistant/activity", user.accessToken())
                .assertStatus(200)
                .json();
        List<String> outcomes = new ArrayList<>();
        activity.path("items")
                .forEach(c -> outcomes.add(
                        c.path("tool").asString() + ":" + c.path("outcome").asString()));
        assertThat(outcomes).containsExactly("create_playlist:ok", "create_playlist:replayed", "create_playlist:ok");
        assertThat(activity.path("items").get(0).path("clientName").asString()).isEqualTo("Claude Desktop");

        api.get("/api/v1/me/assistant/activity?limit=2", user.accessToken()).assertStatus(200);
        JsonNode page = api.get("/api/v1/me/assistant/activity?limit=2", user.accessToken())
                .json();
        JsonNode rest = api.get(
                        "/api/v1/me/assistant/activity?limit=2&cursor="
                                + page.path("next").asString(),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(page.path("items").size() + rest.path("items").size()).isEqualTo(3);
        api.get("/api/v1/me/assistant/activity?cursor=not-a-cursor", user.accessToken())
                .assertProblem(400, "validation");
        api.get("/api/v1/me/assistant/activity?limit=1000", user.accessToken()).assertStatus(400);
    }

    @Test
    void aBadArgumentIsAToolResultThatSaysWhatToChange() {
        Account user = newAccount();
        String writer = token(user, "mcp:read", "mcp:write");
        JsonNode result = call(writer, "get_my_playlists", "{\"playlistId\": \"not-a-uuid\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").get(0).path("text").asString()).contains("playlistId");

        JsonNode stats = call(writer, "get_listening_stats", "{\"report\": \"top_tracks\", \"range\": \"decade\"}");
        assertThat(stats.path("isError").asBoolean()).isTrue();

        JsonNode unknown = call(writer, "get_catalog_items", "{\"kind\": \"track\", \"ids\": [999999999]}");
        assertThat(unknown.path("isError").asBoolean()).as(unknown.toString()).isFalse();
        assertThat(unknown.path("structuredContent").path("tracks").size()).isZero();
    }

    @Test
    void oneUsersTokenNeverReadsOrChangesAnothersPlaylist() {
        Account owner = newAccount();
        String playlist = api.post("/api/v1/playlists", Json.of("name", "Private"), owner.accessToken())
                .assertStatus(201)
                .text("id");
        Account other = newAccount();
        String intruder = token(other, "mcp:read", "mcp:write");

        JsonNode read = call(intruder, "get_my_playlists", "{\"playlistId\": \"" + playlist + "\"}");
        assertThat(read.path("isError").asBoolean()).isTrue();
        JsonNode add = call(
                intruder,
                "add_playlist_tracks",
                "{\"playlistId\": \"" + playlist + "\", \"trackIds\": [1], \"requestId\": \"x\"}");
        assertThat(add.path("isError").asBoolean()).isTrue();
        Api.Response resource = rpc(intruder, "resources/read", "{\"uri\": \"refrain://playlists/" + playlist + "\"}");
        assertThat(resource.json().has("error")).as(resource.body()).isTrue();
        assertThat(api.get("/api/v1/playlists/" + playlist, owner.accessToken())
                        .json()
                        .path("trackCount")
                        .asInt())
                .isZero();
        JsonNode mine = call(intruder, "get_my_playlists", "{}");
        assertThat(mine.path("structuredContent").path("playlists").size()).isZero();
    }

    @Test
    void aRevokedTokenIsRefusedAtItsNextCall() {
        Account user = newAccount();
        JsonNode created = api.post(
                        "/api/v1/me/tokens", "{\"name\": \"IDE\", \"scopes\": [\"mcp:read\"]}", user.accessToken())
                .assertStatus(201)
                .json();
        String token = created.path("token").asString();
        rpc(token, "tools/list", "{}").assertStatus(200);
        api.delete("/api/v1/me/tokens/" + created.path("id").asString(), user.accessToken())
                .assertStatus(204);
        assertThat(rpc(token, "tools/list", "{}").status()).isEqualTo(401);
    }

    @Test
    void theHourlyLimitIsAToolErrorThatSaysWhenToRetry() {
        Account user = newAccount();
        String reader = token(user, "mcp:read");
        JsonNode last = null;
        for (int i = 0; i < 11; i++) {
            last = call(reader, "recommend_tracks", "{\"seedGenres\": [\"no-such-genre\"]}");
        }
        assertThat(last.path("isError").asBoolean()).isTrue();
        assertThat(last.path("content").get(0).path("text").asString()).contains("retry in");
    }

    @Test
    void aSupporterHasTheLargerGenerateLimitAndLosesItWithTheRole() {
        Account user = newAccount();
        String reader = token(user, "mcp:read");
        api.post(
                        "/api/v1/admin/users/" + user.id() + "/roles",
                        io.refrain.support.Json.of("role", "supporter", "durationSeconds", 3600),
                        catalogAdmin().accessToken())
                .assertStatus(200);
        for (int i = 0; i < 12; i++) {
            JsonNode result = call(reader, "recommend_tracks", "{\"seedGenres\": [\"no-such-genre\"]}");
            assertThat(result.path("content").get(0).path("text").asString())
                    .as("call %d of a supporter's 30", i + 1)
                    .doesNotContain("retry in");
        }
        api.delete(
                        "/api/v1/admin/users/" + user.id() + "/roles/supporter",
                        catalogAdmin().accessToken())
                .assertStatus(204);
        JsonNode after = null;
        for (int i = 0; i < 11; i++) {
            after = call(reader, "recommend_tracks", "{\"seedGenres\": [\"no-such-genre\"]}");
        }
        assertThat(after.path("content").get(0).path("text").asString())
                .as("without the role, the ordinary 10 an hour again")
                .contains("retry in");
    }

    @Test
    void aForeignOriginOrHostIsRefused() {
        Account user = newAccount();
        String reader = token(user, "mcp:read");
        String body = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {}}";
        assertThat(api.withHeader("Origin", "http://evil.example.com")
                        .send("POST", "/mcp", body, reader, "application/json", ACCEPT)
                        .status())
                .isEqualTo(403);
        assertThat(api.withHeader("Origin", "http://localhost:" + port)
                        .send("POST", "/mcp", body, reader, "application/json", ACCEPT)
                        .status())
                .isEqualTo(200);
    }
}
