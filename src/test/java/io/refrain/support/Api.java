package io.refrain.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** A real HTTP client against the running test server, speaking JSON. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final String clientAddress;
    private final Map<String, String> headers;

    public Api(int port, String clientAddress) {
        this(port, clientAddress, Map.of());
    }

    private Api(int port, String clientAddress, Map<String, String> headers) {
        this.port = port;
        this.clientAddress = clientAddress;
        this.headers = headers;
    }

    /** A random documentation-range address, so each test has its own rate-limit bucket. */
    public static String randomAddress() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public Api from(String address) {
        return new Api(port, address, headers);
    }

    /** A client that sends this extra header with every request (for example {@code X-Request-Id}). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(port, clientAddress, Map.copyOf(more));
    }

    public Response get(String path) {
        return send("GET", path, null, null, "application/json");
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, null, "application/json");
    }

    public Response post(String path, String json, String token) {
        return send("POST", path, json, token, "application/json");
    }

    public Response put(String path, String json, String token) {
        return send("PUT", path, json, token, "application/json");
    }

    public Response patch(String path, String json, String token) {
        return send("PATCH", path, json, token, "application/json");
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token, "application/json");
    }

    public Response send(String method, String path, String body, String token, String contentType) {
        return send(method, path, body, token, contentType, "application/json, application/problem+json");
    }

    public Response send(String method, String path, String body, String token, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", clientAddress)
                .header("Accept", accept)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return Json.MAPPER.readTree(raw.body());
        }

        public String text(String field) {
            return json().path(field).asString(null);
        }

        public Response assertStatus(int expected) {
            assertThat(status())
                    .as(
                            "status of %s %s, body: %s",
                            raw.request().method(), raw.request().uri(), body())
                    .isEqualTo(expected);
            return this;
        }

        /** Asserts a problem+json answer with the given status and type slug. */
        public Response assertProblem(int expectedStatus, String typeSlug) {
            assertStatus(expectedStatus);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            JsonNode json = json();
            assertThat(json.path("type").asString()).isEqualTo("urn:refrain:problem:" + typeSlug);
            assertThat(json.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(json.path("detail").asString()).isNotBlank();
            assertThat(json.path("requestId").asString()).isNotBlank();
            assertThat(body())
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("io.refrain");
            return this;
        }
    }
}
