package io.refrain.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 server (zonky binaries) whose data lives in {@code <data-dir>/pg}
 * and survives restarts. Used when no external database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How long the safety net waits for the application's own shutdown before stopping the server. */
    private static final long SAFETY_NET_SECONDS = 40;

    private final EmbeddedPostgres postgres;
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // Spring stops the server after the last writes; should that shutdown fail or hang, this
        // stops it anyway, so no server outlives the process (the graceful phase takes ≤ 20 s).
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopIfStillRunning, "embedded-postgres-safety-net"));
    }

    private void stopIfStillRunning() {
        try {
            if (!closed.await(SAFETY_NET_SECONDS, TimeUnit.SECONDS)) {
                close();
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code shared_buffers} for a setting: a size as given, or for "auto" (or nothing) a quarter of
     * the machine's memory between 128 MB and 4 GB. PostgreSQL's own 128 MB left a 15 GB benchmark
     * database reading nearly every page of a search from the kernel's cache (the medium bench).
     */
    static String sharedBuffers(String setting) {
        if (setting != null && !setting.isBlank() && !setting.equalsIgnoreCase("auto")) {
            return setting.trim();
        }
        long memory = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long mb = Math.clamp(memory / 4 / (1024 * 1024), 128, 4096);
        return mb + "MB";
    }

    public static EmbeddedDatabase start(Path pgDirectory, String sharedBuffers) {
        return start(pgDirectory, sharedBuffers, java.time.Duration.ofSeconds(10)); // zonky's own default
    }

    /**
     * @param startupWait how long to wait for the server to accept connections: a restored backup
     *                    replays its WAL first, which can take longer than a plain start
     */
    public static EmbeddedDatabase start(Path pgDirectory, String sharedBuffers, java.time.Duration startupWait) {
        try {
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDirectory)
                    .setCleanDataDirectory(false)
                    // a UTF-8 ctype whatever the machine's locale: search needs letters of every script
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    // acknowledged means durable: zonky's builder turns synchronous_commit off (a test
                    // database's speed-up), which lost the last confirmed listens to a SIGKILL
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Spring stops the server after the pool has drained and the last writes
                    // (access counters) are flushed; zonky's own JVM hook could stop it first
                    // (the safety net below waits for Spring instead)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(startupWait)
                    .start();
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}, shared_buffers {} ({} ms)",
                    postgres.getPort(),
                    pgDirectory,
                    sharedBuffers,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new io.refrain.platform.config.StartupException(
                    "The embedded PostgreSQL in " + pgDirectory + " did not start: " + e.getMessage(),
                    "Check the PostgreSQL log lines above and the permissions of the data directory, "
                            + "or use an external server with REFRAIN_DATABASE_URL.");
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed.getCount() == 0) {
            return;
        }
        postgres.close();
        closed.countDown();
        log.info("Embedded PostgreSQL stopped");
    }
}
