package io.refrain.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.platform.fuzz.RequestGenerator.Operation;
import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A seeded fuzz run over every operation of the OpenAPI document: valid, boundary and junk
 * requests (see {@link RequestGenerator}) as a fresh user, anonymously and with a bad token. No
 * answer may be a 5xx, and every error answer is problem+json (ListenBrainz's JSON under
 * {@code /1/}) without internals.
 *
 * <p>The default run is bounded (a fixed seed, {@value #DEFAULT_REQUESTS} requests, at most
 * {@value #DEFAULT_SECONDS} s) so it fits the test suite; a longer or different run:
 * {@code -Dfuzz.seed=42 -Dfuzz.requests=20000 -Dfuzz.seconds=600} (or {@code FUZZ_SEED},
 * {@code FUZZ_REQUESTS}, {@code FUZZ_SECONDS}). Request {@code i} is generated from
 * {@code seed} and {@code i} alone, so a failure printed with its seed comes back with that seed.
 *
 * <p>It shares the suite's database, so it acts only through accounts of its own: admin-only
 * operations answer it 403, and whatever it creates belongs to users no other test knows.
 */
class OpenApiFuzzIT extends IntegrationTest {

    static final long DEFAULT_SEED = 13;
    static final int DEFAULT_REQUESTS = 2400;
    static final int DEFAULT_SECONDS = 90;
    private static final Pattern UUID_IN_JSON =
            Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Account user;
    private String listenBrainzToken;
    private final Map<String, List<String>> hints = new TreeMap<>();
    private final List<String> knownIds = new CopyOnWriteArrayList<>();
    private final String fuzzAddress = Api.randomAddress();

    @Test
    void noInputGetsA5xx() {
        long seed = setting("fuzz.seed", DEFAULT_SEED);
        long requests = setting("fuzz.requests", DEFAULT_REQUESTS);
        long seconds = setting("fuzz.seconds", DEFAULT_SECONDS);

        JsonNode doc = api.get("/v3/api-docs").assertStatus(200).json();
        List<Operation> operations = RequestGenerator.operations(doc);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        newUser();
        RequestGenerator generator = new RequestGenerator(doc, hints, knownIds, corpus());

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        int sent = 0;
        for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
            Operation op = operations.get(i % operations.size());
            FuzzRequest request = generator.generate(op, new Random(seed * 0x9E3779B97F4A7C15L + i));
            HttpResponse<String> response = send(request);
            sent++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(request, response);
            if (problem != null) {
                failures.add("#" + i + " " + problem + "\n  " + request.describe() + "\n  answer: "
                        + FuzzRequest.escape(abbreviate(response.body(), 400)));
            }
            remember(response);
            if (request.auth() == FuzzRequest.Auth.USER && !request.method().equals("GET") && !stillSignedIn()) {
                newUser(); // the request logged out, deleted or re-keyed the account: go on as someone new
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "fuzz: seed %d, %d of %d requests over %d operations in %.1f s; statuses %s; %d failures%n",
                seed, sent, requests, operations.size(), elapsed, statuses, failures.size());
        Map<String, String> firstBySymptom = new TreeMap<>();
        failures.forEach(f -> firstBySymptom.putIfAbsent(symptom(f), f));
        firstBySymptom.forEach((symptom, first) -> System.out.println("fuzz failure " + first));
        writeReport(seed, failures);
        assertThat(failures)
                .as(
                        "requests answered with a 5xx or a non-problem error (seed %d); first of %d:%n%s",
                        seed, failures.size(), failures.isEmpty() ? "" : failures.getFirst())
                .isEmpty();
    }

    /** Valid bodies for the operations whose schema is a free-form JSON tree (smart-playlist rules). */
    private static Map<String, Object> corpus() {
        String rules = """
                {"all": [{"contains": {"title": "night"}}, {"any": [{"contains": {"genre": "rock"}}, {"gt": {"rating": 3.5}}]},
                         {"notInTheLast": {"lastPlayed": 30}}, {"isNot": {"artist": "Nickelback"}}],
                 "sort": "-rating,title", "limit": 100, "maxPerArtist": 3}""";
        Object parsedRules = Json.MAPPER.readValue(rules, Object.class);
        return Map.of(
                "POST /api/v1/smart-playlists/preview", parsedRules,
                "POST /api/v1/smart-playlists", Map.of("name", "Fuzz smart", "rules", parsedRules),
                "PUT /api/v1/smart-playlists/{id}", Map.of("name", "Fuzz smart", "rules", parsedRules));
    }

    /** "answered 500" plus the operation: one line per distinct finding. */
    private static String symptom(String failure) {
        String[] lines = failure.split("\n");
        String what = lines[0].replaceFirst("^#\\d+ ", "");
        String operation =
                lines.length > 1 ? lines[1].replaceFirst("^.*\\[", "").replaceFirst(",.*$", "") : "";
        return operation + " " + what;
    }

    private static void writeReport(long seed, List<String> failures) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "fuzz-failures-" + seed + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, String.join("\n\n", failures) + "\n");
        } catch (IOException e) {
            System.out.println("fuzz: could not write the failure report: " + e);
        }
    }

    /** Null when the answer is acceptable, otherwise why not. */
    private static String check(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean listenBrainz = request.path().startsWith("/1/");
        if (!(type.startsWith("application/problem+json") || listenBrainz && type.startsWith("application/json"))) {
            return "answered " + status + " with Content-Type '" + type + "', not problem+json";
        }
        String body = response.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("io.refrain")) {
            return "answered " + status + " with internals in the body";
        }
        return null;
    }

    private HttpResponse<String> send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", fuzzAddress)
                .header("Accept", "application/json, application/problem+json")
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        switch (request.auth()) {
            case USER ->
                builder.header(
                        "Authorization",
                        request.path().startsWith("/1/")
                                ? "Token " + listenBrainzToken
                                : "Bearer " + user.accessToken());
            case BAD_TOKEN ->
                builder.header(
                        "Authorization",
                        request.path().startsWith("/1/") ? "Token not-a-token" : "Bearer e30.e30.not-a-signature");
            case ANONYMOUS -> {}
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the server did not answer " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh account (and ListenBrainz token), from an address of its own so sign-up limits do not bite. */
    private void newUser() {
        api = api.from(Api.randomAddress());
        user = newAccount();
        listenBrainzToken = api.post("/api/v1/me/tokens", Json.of("name", "fuzz"), user.accessToken())
                .assertStatus(201)
                .text("token");
        JsonNode validated = api.withHeader("Authorization", "Token " + listenBrainzToken)
                .get("/1/validate-token")
                .assertStatus(200)
                .json();
        hints.put("userName", List.of(validated.path("user_name").asString("fuzz"), "nobody"));
        hints.put("userId", List.of(user.id().toString()));
    }

    private boolean stillSignedIn() {
        return api.get("/api/v1/me", user.accessToken()).status() == 200
                && api.withHeader("Authorization", "Token " + listenBrainzToken)
                        .get("/1/validate-token")
                        .json()
                        .path("valid")
                        .asBoolean(false);
    }

    private void remember(HttpResponse<String> response) {
        if (response.statusCode() >= 300 || knownIds.size() > 500) {
            return;
        }
        Matcher m = UUID_IN_JSON.matcher(abbreviate(response.body(), 20_000));
        while (m.find()) {
            if (!knownIds.contains(m.group(1))) {
                knownIds.add(m.group(1));
            }
        }
    }

    private static String abbreviate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static long setting(String name, long fallback) {
        String value =
                System.getProperty(name, System.getenv(name.replace('.', '_').toUpperCase()));
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }
}
