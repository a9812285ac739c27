package io.refrain.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every 5xx (or non-problem error answer) the OpenAPI fuzz run ({@link OpenApiFuzzIT}) has found,
 * as the exact request it sent, with the answer it must get now. See docs/reliability/fuzzing.md.
 */
class FuzzRegressionIT extends IntegrationTest {

    @Test
    void nulInAQueryParameterOrABodyFieldIsRefusedByName() {
        Account user = newAccount();
        // PostgreSQL refuses 0x00 in text: a NUL that reaches an INSERT is a 500
        var query = api.send(
                        "POST",
                        "/api/v1/me/listen-imports?fileName=a%00b.json",
                        "[]",
                        user.accessToken(),
                        "application/json")
                .assertProblem(400, "validation");
        assertThat(query.json().path("errors").get(0).path("field").asString()).isEqualTo("fileName");
        api.get("/api/v1/search?q=a%00b", user.accessToken()).assertProblem(400, "validation");
        // found by seed 2: "invalid byte sequence for encoding UTF8: 0x00" from the DELETE statement
        var recent = api.delete("/api/v1/me/recent-searches?q=a%00b&q=null", user.accessToken())
                .assertProblem(400, "validation");
        assertThat(recent.json().path("errors").get(0).path("field").asString()).isEqualTo("q");

        // found by seed 13 (one-fault): PostgreSQL's "invalid byte sequence for encoding UTF8: 0x00" at the UPDATE
        for (String field : new String[] {"displayName", "bio"}) {
            var profile = api.patch("/api/v1/me", "{\"" + field + "\":\"fuzz\\u0000nul\"}", user.accessToken())
                    .assertProblem(400, "validation");
            assertThat(profile.json().path("errors").get(0).path("field").asString())
                    .isEqualTo(field);
            assertThat(profile.json().path("errors").get(0).path("message").asString())
                    .contains("NUL");
        }
        String rules = "{\"all\":[{\"contains\":{\"title\":\"night\"}},{\"any\":[{\"contains\":{\"genre\":\"rock\"}},"
                + "{\"gt\":{\"rating\":3.5}}]},{\"notInTheLast\":{\"lastPlayed\":30}},{\"isNot\":{\"artist\":\"Nickelback\"}}],"
                + "\"sort\":\"-rating,title\",\"limit\":100,\"maxPerArtist\":3}";
        var named = api.post(
                        "/api/v1/smart-playlists",
                        "{\"rules\":" + rules + ",\"name\":\"fuzz\\u0000nul\"}",
                        user.accessToken())
                .assertProblem(400, "validation");
        assertThat(named.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        // a body read as a JSON tree (the rules, stored as jsonb and matched in SQL) gets the rule with the path
        var inRules = api.post(
                        "/api/v1/smart-playlists",
                        "{\"rules\":" + rules.replace("night", "fuzz\\u0000nul") + ",\"name\":\"Fuzz smart\"}",
                        user.accessToken())
                .assertProblem(400, "validation");
        assertThat(inRules.json().path("errors").get(0).path("field").asString())
                .isEqualTo("rules.all[0].contains.title");
        var preview = api.post(
                        "/api/v1/smart-playlists/preview", rules.replace("night", "x\\u0000"), user.accessToken())
                .assertProblem(400, "validation");
        assertThat(preview.json().path("errors").get(0).path("field").asString())
                .isEqualTo("all[0].contains.title");
        // a field with its own check answers by either rule, never with a 500
        var body = api.post("/api/v1/me/tokens", "{\"name\": \"scrob\\u0000bler\"}", user.accessToken())
                .assertProblem(400, "validation");
        assertThat(body.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(jdbc.sql("select count(*) from api_tokens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anEmptyItemInAListOfIdsIsNoId() {
        Account user = newAccount();
        // found by seed 2: the blank item became a null id, and the track cache threw on the null key
        var tracks = api.get("/api/v1/tracks?ids=%20", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(tracks.toString()).doesNotContain("\"id\"");
        api.get("/api/v1/tracks?ids=1,,2", user.accessToken()).assertStatus(200);
    }

    @Test
    void theErrorControllerIsNotAnOperationAndAsksForNothing() {
        JsonNode doc = api.get("/v3/api-docs").assertStatus(200).json();
        assertThat(doc.path("paths").has("/error")).isFalse();
        // a client asking for /error itself got a 500 (no error status to report): there is nothing there
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            api.send(
                            method,
                            "/error",
                            method.equals("GET") || method.equals("DELETE") ? null : "{}",
                            null,
                            "application/json")
                    .assertProblem(404, "not-found");
        }
    }

    @Test
    void aQueryParameterThatIsNotUtf8IsTheClientsMistake() {
        Account user = newAccount();
        // Tomcat's InvalidParameterException from getParameter used to surface as a 500
        api.get("/api/v1/me/recently-played?limit=%ED%A0%80", user.accessToken())
                .assertProblem(400, "validation");
        var problem = api.get("/api/v1/me/recently-played?cursor=%C3%28", user.accessToken())
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").get(0).path("field").asString())
                .isEqualTo("cursor");
        api.get("/api/v1/me/recently-played?a%ED%A0%80=b", user.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/me/recently-played?limit=5&=", user.accessToken()).assertProblem(400, "validation");
    }

    @Test
    void underTheListenBrainzApiTheSameMistakesGetListenBrainzsJson() {
        Account user = newAccount();
        String token = api.post("/api/v1/me/tokens", Json.of("name", "fuzz"), user.accessToken())
                .assertStatus(201)
                .text("token");
        Api scrobbler = api.withHeader("Authorization", "Token " + token);
        var response = scrobbler.get("/1/user/" + user.id() + "/listens?count=%ED%A0%80");
        assertListenBrainzError(response, 400);
        assertThat(response.json().path("error").asString()).contains("'count'");
        // an unparseable Content-Type on submit-listens was an unexpected error (500)
        assertListenBrainzError(scrobbler.send("POST", "/1/submit-listens", "{}", null, "garbage"), 415);
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsTheClientsMistake() {
        Account user = newAccount();
        // "Failed to parse multipart servlet request" was a 500
        api.send("POST", "/api/v1/me/listen-imports?fileName=x.json", "[]", user.accessToken(), "multipart/form-data")
                .assertProblem(400, "malformed-request");
    }

    @Test
    void requestsTomcatRefusesItselfAreAnsweredWithProblemJson() {
        // a NUL or an encoded slash in the path never reaches Spring: Tomcat answered with its HTML page
        for (String path : new String[] {"/api/v1/playlists/%00", "/api/v1/playlists/a%2Fb"}) {
            var response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().path("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("<html");
        }
    }

    private static void assertListenBrainzError(Api.Response response, int status) {
        response.assertStatus(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("code").asInt()).isEqualTo(status);
        assertThat(response.json().path("error").asString()).isNotBlank();
    }
}
