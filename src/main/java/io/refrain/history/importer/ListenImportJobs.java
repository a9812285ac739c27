package io.refrain.history.importer;

import io.refrain.platform.config.RefrainProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded exports are imported in the background, one at a time per server (they are
 * database-heavy; queued ones wait): the upload is first copied to {@code <data-dir>/uploads/}
 * (so the request ends as soon as the bytes are in), its format checked, the batch registered,
 * then imported while the client polls the batch. The copy is deleted afterwards.
 */
@Component
class ListenImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ListenImportJobs.class);

    private final ListenImporter importer;
    private final Path uploads;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("listen-import").factory());

    ListenImportJobs(ListenImporter importer, RefrainProperties properties) {
        this.importer = importer;
        this.uploads = properties.dataDir().resolve("uploads");
    }

    /** Stores the upload, registers the batch and queues it; returns the batch as it is now. */
    ListenImportView submit(UUID userId, InputStream body, String fileName, boolean dryRun) throws IOException {
        Files.createDirectories(uploads);
        Path file = uploads.resolve(UUID.randomUUID() + ".upload");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            long id = importer.start(userId, file, fileName, dryRun);
            try {
                worker.submit(() -> run(userId, id, file, dryRun));
            } catch (RuntimeException e) { // the server is stopping
                importer.abandon(id, "not started: the server was stopping; upload the file again");
                throw e;
            }
            return importer.view(userId, id);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private void run(UUID userId, long id, Path file, boolean dryRun) {
        try {
            importer.run(userId, id, file, new ListenImporter.Options(dryRun, null), (bytes, rows) -> {});
        } catch (RuntimeException e) {
            log.warn("Uploaded import {} failed", id, e); // recorded on the batch
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the upload {}", file, e);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdownNow(); // a running import stops between chunks; it stays undoable
        worker.awaitTermination(20, TimeUnit.SECONDS);
    }
}
