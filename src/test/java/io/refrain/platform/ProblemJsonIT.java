package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Every kind of client mistake is answered with problem+json, never a stack trace or a 500. */
class ProblemJsonIT extends IntegrationTest {

    @Test
    void malformedJson() {
        var problem = api.post("/api/v1/auth/login", "{\"email\": ").assertProblem(400, "malformed-request");
        assertThat(problem.text("detail")).contains("not valid JSON");
    }

    @Test
    void missingBody() {
        api.send("POST", "/api/v1/auth/login", "", null, "application/json").assertProblem(400, "malformed-request");
    }

    @Test
    void unknownRoutes() {
        var account = newAccount();
        api.get("/api/v1/no-such-thing", account.accessToken()).assertProblem(404, "not-found");
        api.get("/no-such-page").assertProblem(404, "not-found");
    }

    @Test
    void wrongMethod() {
        var problem = api.get("/api/v1/auth/login").assertProblem(405, "method-not-allowed");
        assertThat(problem.header("Allow")).contains("POST");
    }

    @Test
    void wrongMediaType() {
        api.send("POST", "/api/v1/auth/login", "email=a", null, "application/x-www-form-urlencoded")
                .assertProblem(415, "unsupported-media-type");
    }

    @Test
    void oversizedBodies() {
        String big = "{\"email\":\"" + "a".repeat(1_100_000) + "\"}";
        api.post("/api/v1/auth/login", big).assertProblem(413, "payload-too-large");
    }

    @Test
    void missingAndBadTokens() {
        api.get("/api/v1/me").assertProblem(401, "unauthenticated");
        api.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.e30.x").assertProblem(401, "unauthenticated");
    }

    @Test
    void validationNamesTheFields() {
        var problem = api.post("/api/v1/auth/login", "{\"email\":\"nope\"}").assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field")).containsExactly("email", "password");
    }

    @Test
    void theRequestIdIsEchoedAndInTheProblem() {
        var response = api.send("GET", "/api/v1/me", null, null, "application/json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.text("requestId")).isEqualTo(response.header("X-Request-Id"));
    }
}
