package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsIT extends IntegrationTest {

    @Test
    void healthIncludesTheDatabaseAndItsDurability() {
        var anonymous = api.get("/actuator/health").assertStatus(200).json();
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.path("components").path("db").has("details"))
                .as("details are for admins")
                .isFalse();

        var health = api.get("/actuator/health", catalogAdmin().accessToken())
                .assertStatus(200)
                .json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("PostgreSQL");
        var durability = health.path("components").path("durability").path("details");
        assertThat(durability.path("durable").asBoolean()).isTrue();
        assertThat(durability.path("synchronous_commit").asString()).isNotEqualTo("off");
    }

    @Test
    void prometheusHasHttpHistogramsPoolJvmAndCacheMetrics() {
        newAccount(); // some traffic
        String metrics = api.send("GET", "/actuator/prometheus", null, null, null, "text/plain")
                .assertStatus(200)
                .body();
        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket")
                .contains("hikaricp_connections_active{")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_pause_seconds")
                .containsPattern("cache_gets_total\\{[^}]*cache=\"catalog.tracks\"");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        var doc = api.get("/v3/api-docs").assertStatus(200).json();
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/auth/signup",
                        "/api/v1/auth/verify",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout",
                        "/api/v1/auth/otp/request",
                        "/api/v1/auth/otp/login",
                        "/api/v1/me",
                        "/api/v1/me/settings",
                        "/api/v1/me/logout");
        assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
        api.send("GET", "/swagger-ui/index.html", null, null, null, "text/html").assertStatus(200);
    }
}
