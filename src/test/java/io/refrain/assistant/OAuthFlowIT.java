package io.refrain.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP client running the OAuth flow the MCP spec describes, against Refrain as the
 * authorization server: discovery from the resource metadata, dynamic registration, the
 * authorization code with PKCE through the login form and the consent page, the token for /mcp,
 * a tool call with it, refresh (rotated), revocation, and a token asked for another resource.
 */
class OAuthFlowIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    /** A browser: its own cookies (the login session), redirects shown, not followed. */
    private HttpClient browser = newBrowser();

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(
                request.header("X-Forwarded-For", "10.9.8.7").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String accept) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    private HttpResponse<String> form(String url, Map<String, String> fields, String basic) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        return send(request);
    }

    private static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex + " in " + html).isTrue();
        return m.group(1);
    }

    private static String absolute(String base, String location) {
        return location.startsWith("http") ? location : base + location;
    }

    private record Client(String id, String basic) {}

    /** Discovery as an MCP client does it: the resource metadata names the issuer, whose metadata names the endpoints. */
    private JsonNode metadata() throws Exception {
        JsonNode resource = JSON.readTree(get(base() + "/.well-known/oauth-protected-resource/mcp", "application/json")
                .body());
        String issuer = resource.path("authorization_servers").get(0).asString();
        assertThat(issuer).isEqualTo(base());
        JsonNode metadata = JSON.readTree(get(issuer + "/.well-known/oauth-authorization-server", "application/json")
                .body());
        assertThat(metadata.path("code_challenge_methods_supported").toString()).contains("S256");

        return metadata;
    }

    /** A token or revocation request as the client makes it: with its secret, or (a public client) its id. */
    private HttpResponse<String> asClient(String url, Map<String, String> fields, Client client) throws Exception {
        if (client.basic() != null) {
            return form(url, fields, client.basic());
        }
        Map<String, String> named = new LinkedHashMap<>(fields);
        named.put("client_id", client.id());
        return form(url, named, null);
    }

    private Client register(JsonNode metadata) throws Exception {
        return register(metadata, "client_secret_basic");
    }

    /** Dynamic registration: a confidential client ({@code client_secret_basic}) or a public one ({@code none}). */
    private Client register(JsonNode metadata, String authMethod) throws Exception {
        var registered = send(HttpRequest.newBuilder(
                        URI.create(metadata.path("registration_endpoint").asString()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client_name": "Test MCP client", "redirect_uris": ["%s"],
                         "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
                         "token_endpoint_auth_method": "%s", "scope": "mcp:read mcp:write"}""".formatted(REDIRECT, authMethod))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(registered.body());
        String clientId = client.path("client_id").asString();
        if (!client.has("client_secret")) {
            return new Client(clientId, null);
        }
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(client.path("client_secret").asString(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));

        return new Client(clientId, basic);
    }

    /** The authorization code flow with PKCE: login form, consent of {@code granted}, code for tokens. */
    private JsonNode authorize(JsonNode metadata, Client client, Account user, String granted) throws Exception {
        String clientId = client.id();
        String basic = client.basic();
        browser = newBrowser(); // each user signs in in a browser of their own
        String verifier = "verifier-" + "x".repeat(50);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = metadata.path("authorization_endpoint").asString() + "?response_type=code&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=mcp%3Aread%20mcp%3Awrite&state=s1"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&resource="
                + URLEncoder.encode(base() + "/mcp", StandardCharsets.UTF_8);

        var toLogin = get(authorize, "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String loginUrl =
                absolute(base(), toLogin.headers().firstValue("Location").orElseThrow());
        String loginPage = get(loginUrl, "text/html").body();
        String csrf = find(loginPage, "name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", user.email());
        credentials.put("password", user.password());
        credentials.put("_csrf", csrf);
        var loggedIn = form(base() + "/login", credentials, null);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        String back = absolute(base(), loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back).doesNotContain("error");

        var toConsent = get(back, "text/html");
        assertThat(toConsent.statusCode()).isEqualTo(302);
        var consent =
                get(absolute(base(), toConsent.headers().firstValue("Location").orElseThrow()), "text/html");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body())
                .contains("Test MCP client")
                .contains("mcp:write")
                .contains(user.email());
        String state = find(consent.body(), "name=\"state\" value=\"([^\"]+)\"");
        var approved = form(
                metadata.path("authorization_endpoint").asString(),
                Map.of("client_id", clientId, "state", state, "scope", granted),
                null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        String redirect = approved.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(REDIRECT).contains("state=s1");
        String code = find(redirect, "code=([^&]+)");

        var token = asClient(
                metadata.path("token_endpoint").asString(),
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                        "redirect_uri",
                        REDIRECT,
                        "code_verifier",
                        verifier,
                        "resource",
                        base() + "/mcp"),
                client);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    @Test
    void aClientRegistersSignsTheUserInGetsConsentAndCallsMcp() throws Exception {
        // other tests move the application's clock ahead of the real one: tokens must work whatever it says
        clock.advance(java.time.Duration.ofDays(3));
        JsonNode metadata = metadata();
        Client client = register(metadata);
        String basic = client.basic();
        Account user = newAccount();
        JsonNode tokens = authorize(metadata, client, user, "mcp:read");
        String access = tokens.path("access_token").asString();
        assertThat(tokens.path("scope").asString()).isEqualTo("mcp:read");

        String list = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {}}";
        api.send("POST", "/mcp", list, access, "application/json", "application/json, text/event-stream")
                .assertStatus(200);
        String create = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/call\", \"params\": {\"name\": "
                + "\"create_playlist\", \"arguments\": {\"name\": \"x\", \"requestId\": \"o1\"}}}";
        assertThat(api.send("POST", "/mcp", create, access, "application/json", "application/json, text/event-stream")
                        .status())
                .as("the user granted mcp:read only")
                .isEqualTo(403);

        String refresh = tokens.path("refresh_token").asString();
        var refreshed = form(
                metadata.path("token_endpoint").asString(),
                Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                basic);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String second = JSON.readTree(refreshed.body()).path("access_token").asString();
        api.send("POST", "/mcp", list, second, "application/json", "application/json, text/event-stream")
                .assertStatus(200);
        assertThat(form(
                                metadata.path("token_endpoint").asString(),
                                Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                                basic)
                        .statusCode())
                .as("a rotated refresh token is spent")
                .isEqualTo(400);
        var elsewhere = form(
                metadata.path("token_endpoint").asString(),
                Map.of(
                        "grant_type", "refresh_token",
                        "refresh_token",
                                JSON.readTree(refreshed.body())
                                        .path("refresh_token")
                                        .asString(),
                        "resource", "http://other.example/mcp"),
                basic);
        assertThat(elsewhere.body()).contains("invalid_target");

        var revoked = form(metadata.path("revocation_endpoint").asString(), Map.of("token", second), basic);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/mcp", list, second, "application/json", "application/json, text/event-stream")
                        .status())
                .isEqualTo(401);

        JsonNode clients = api.get("/api/v1/me/assistant/clients", user.accessToken())
                .assertStatus(200)
                .json()
                .path("items");
        assertThat(clients.size()).isEqualTo(1);
        assertThat(clients.get(0).path("clientName").asString()).isEqualTo("Test MCP client");
    }

    @Test
    void theUserTakesAClientsAccessBackAndAnAccountsDeletionForgetsItsAuthorizations() throws Exception {
        JsonNode metadata = metadata();
        Client client = register(metadata);
        Account user = newAccount();
        String access = authorize(metadata, client, user, "mcp:write")
                .path("access_token")
                .asString();
        String list = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {}}";
        api.send("POST", "/mcp", list, access, "application/json", "application/json, text/event-stream")
                .assertStatus(200);
        api.delete("/api/v1/me/assistant/clients/" + client.id(), user.accessToken())
                .assertStatus(204);
        assertThat(api.send("POST", "/mcp", list, access, "application/json", "application/json, text/event-stream")
                        .status())
                .isEqualTo(401);
        api.delete("/api/v1/me/assistant/clients/" + client.id(), user.accessToken())
                .assertStatus(404);

        Account leaving = newAccount();
        authorize(metadata, client, leaving, "mcp:read");
        String principal = leaving.id().toString();
        String count = "select count(*) from oauth2_authorization where principal_name = :p";
        assertThat(jdbc.sql(count).param("p", principal).query(Long.class).single())
                .isPositive();
        api.delete("/api/v1/me", leaving.accessToken()).assertStatus(204);
        assertThat(jdbc.sql(count).param("p", principal).query(Long.class).single())
                .isZero();
    }

    @Test
    void aPublicClientAsMcpHostsRegisterRefreshesAndRevokesWithItsIdAlone() throws Exception {
        JsonNode metadata = metadata();
        Client client = register(metadata, "none");
        assertThat(client.basic()).as("a public client gets no secret").isNull();
        JsonNode tokens = authorize(metadata, client, newAccount(), "mcp:read");
        String refresh = tokens.path("refresh_token").asString();
        assertThat(refresh).as(tokens.toString()).isNotBlank();

        String endpoint = metadata.path("token_endpoint").asString();
        var refreshed = asClient(endpoint, Map.of("grant_type", "refresh_token", "refresh_token", refresh), client);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String access = JSON.readTree(refreshed.body()).path("access_token").asString();
        assertThat(asClient(endpoint, Map.of("grant_type", "refresh_token", "refresh_token", refresh), client)
                        .statusCode())
                .as("spent at its first use")
                .isEqualTo(400);
        var stranger = form(
                endpoint,
                Map.of(
                        "grant_type", "refresh_token",
                        "refresh_token",
                                JSON.readTree(refreshed.body())
                                        .path("refresh_token")
                                        .asString(),
                        "client_id", register(metadata, "none").id()),
                null);
        assertThat(stranger.statusCode()).as("another client's refresh token").isEqualTo(400);

        String list = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": {}}";
        api.send("POST", "/mcp", list, access, "application/json", "application/json, text/event-stream")
                .assertStatus(200);
        var revoked = asClient(metadata.path("revocation_endpoint").asString(), Map.of("token", access), client);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/mcp", list, access, "application/json", "application/json, text/event-stream")
                        .status())
                .isEqualTo(401);
    }
}
