package io.refrain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where integration tests keep their data: a fresh temporary data directory per test JVM with
 * the embedded PostgreSQL in it, or, when {@code REFRAIN_TEST_DATABASE_URL} is set, an external
 * PostgreSQL (with {@code REFRAIN_TEST_DATABASE_USER} / {@code _PASSWORD}).
 */
public final class TestDatabase {

    public static final Path DATA_DIR = createDataDir();

    private TestDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("refrain.data-dir", DATA_DIR::toString);
        Map<String, String> env = System.getenv();
        String url = env.get("REFRAIN_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            registry.add("refrain.database.url", () -> url);
            registry.add("refrain.database.user", () -> env.getOrDefault("REFRAIN_TEST_DATABASE_USER", ""));
            registry.add("refrain.database.password", () -> env.getOrDefault("REFRAIN_TEST_DATABASE_PASSWORD", ""));
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("refrain-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
