package io.refrain.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.RefrainApplication;
import io.refrain.platform.config.StartupException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default is durable, and a database that gives durability away (here by a role
 * setting, which overrides the server's command line) stops the start unless the operator allows
 * it; then health says so. Runs its own application instances on their own embedded database.
 */
class DurabilityGuardIT {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDefaultIsDurableAndAnUnsafeDatabaseIsRefusedUnlessAllowed() throws Exception {
        try (ConfigurableApplicationContext app = start(false)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_setting('synchronous_commit')")
                            .query(String.class)
                            .single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('fsync')")
                            .query(String.class)
                            .single())
                    .isEqualTo("on");
            assertThat(jdbc.sql("select current_setting('full_page_writes')")
                            .query(String.class)
                            .single())
                    .isEqualTo("on");
            assertThat(health(app)
                            .path("components")
                            .path("durability")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
            assertThat(app.getBean(DurabilityGuard.class).health().getDetails()).containsEntry("durable", true);

            jdbc.sql("alter role postgres set synchronous_commit = off").update();
        }

        assertThatThrownBy(() -> start(false))
                .rootCause()
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("synchronous_commit = off")
                .hasMessageContaining("could be lost");

        try (ConfigurableApplicationContext app = start(true)) {
            assertThat(health(app)
                            .path("components")
                            .path("durability")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
            var details = app.getBean(DurabilityGuard.class).health().getDetails();
            assertThat(details)
                    .containsEntry("durable", false)
                    .containsEntry("synchronous_commit", "off")
                    .containsEntry("unsafeAllowed", true);
            assertThat(details.get("warning").toString()).contains("synchronous_commit");
            app.getBean(JdbcClient.class)
                    .sql("alter role postgres reset synchronous_commit")
                    .update();
        }
    }

    private ConfigurableApplicationContext start(boolean allowUnsafe) {
        return new SpringApplication(RefrainApplication.class)
                .run(
                        "--server.port=0",
                        "--refrain.data-dir=" + dataDir,
                        "--refrain.database.url=",
                        "--refrain.catalog.load-demo=false",
                        "--spring.jmx.enabled=false",
                        "--refrain.database.allow-unsafe-durability=" + allowUnsafe);
    }

    private static JsonNode health(ConfigurableApplicationContext app) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body());
    }
}
