package io.refrain.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Plain JSON-RPC over HTTP to /mcp, and assistant tokens, for the assistant's HTTP-level tests. */
abstract class McpTestSupport extends IntegrationTest {

    static final String ACCEPT = "application/json, text/event-stream";

    /** A new API token of the account named "Claude Desktop", with these scopes (none: a scrobbler token). */
    String token(Account account, String... scopes) {
        String list = scopes.length == 0 ? "" : ", \"scopes\": [\"" + String.join("\", \"", scopes) + "\"]";
        return api.post("/api/v1/me/tokens", "{\"name\": \"Claude Desktop\"" + list + "}", account.accessToken())
                .assertStatus(201)
                .text("token");
    }

    Api.Response rpc(String token, String method, String params) {
        String body = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"" + method + "\", \"params\": " + params + "}";
        return api.send("POST", "/mcp", body, token, "application/json", ACCEPT);
    }

    /** A tool call's result (HTTP 200 whatever the tool answered). */
    JsonNode call(String token, String tool, String arguments) {
        Api.Response r = rpc(token, "tools/call", "{\"name\": \"" + tool + "\", \"arguments\": " + arguments + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("result");
    }
}
