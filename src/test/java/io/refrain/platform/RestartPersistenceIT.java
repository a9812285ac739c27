package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.RefrainApplication;
import io.refrain.platform.db.DataDirectoryLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database keeps its data across restarts, and a second instance on the same data
 * directory is refused with a clear message. Runs its own application instances, so it always
 * uses the embedded database.
 */
class RestartPersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheDataDirectoryIsExclusive() throws Exception {
        UUID id;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            id = jdbc.sql("""
                    insert into users (email, password_hash, display_name, created_at, updated_at)
                    values ('persist@refrain.test', 'x', 'P', now(), now()) returning id""").query(UUID.class).single();

            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(DataDirectoryLockedException.class)
                    .rootCause()
                    .hasMessageContaining("already in use by another Refrain process");
        }
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
        String key = Files.readString(dataDir.resolve("secrets/jwt.key"));

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select display_name from users where id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .isEqualTo("P");
        }
        assertThat(Files.readString(dataDir.resolve("secrets/jwt.key")))
                .as("the signing key is kept")
                .isEqualTo(key);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplication(RefrainApplication.class)
                .run(
                        "--server.port=0",
                        "--refrain.data-dir=" + dataDir,
                        "--refrain.database.url=",
                        "--spring.jmx.enabled=false");
    }
}
