package io.refrain.bench.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON requests to the server under test. An answer (any status) is returned; no answer at all
 * (connection refused or reset, timeout: the server was killed) is an {@link IOException}.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private volatile String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    Answer post(String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : parse(text);
        return new Answer(response.statusCode(), json);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().stringNode(text);
        }
    }
}
