package io.refrain.platform.backup;

import io.refrain.platform.cli.Progress;
import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.db.DataDirectory;
import io.refrain.platform.db.DatabaseServer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Writes a backup of the data directory: its embedded database as a PostgreSQL base backup, taken
 * while the server goes on serving, then the signing key and the archived listens (after the
 * database, so a month archived and deleted during the backup is in the archive copy).
 */
@Component
public class Backups {

    /** What a finished backup holds; {@code stoppedAt} is when the database copy ends: every write committed before is in it. */
    public record Written(
            Path file,
            long fileBytes,
            long copiedBytes,
            long files,
            int walSegments,
            Instant startedAt,
            Instant stoppedAt,
            Duration took) {}

    private final RefrainProperties properties;
    private final DataDirectory dataDirectory;
    private final DatabaseServer database;
    private final Clock clock;

    Backups(RefrainProperties properties, DataDirectory dataDirectory, DatabaseServer database) {
        this.properties = properties;
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.clock = Clock.systemUTC(); // the real time: what the operator reads in the file, not a test's clock
    }

    /** Refuses, with what to do instead, a database this backup cannot copy. */
    void checkSupported() {
        if (properties.database().external()) {
            throw new BackupException("""
                    REFRAIN_DATABASE_URL points at an external PostgreSQL server, whose files this command cannot reach.
                      Back it up with that server's own tools, of the same major version as the server:
                      pg_basebackup (physical) or pg_dump (logical); and copy %s and %s yourself.""".formatted(
                            dataDirectory.resolve(BackupFile.SIGNING_KEY), dataDirectory.resolve(BackupFile.ARCHIVE)));
        }
    }

    public Written write(Path file, boolean showProgress) {
        checkSupported();
        boolean gzip = BackupFile.compressed(file);
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already; name a new file (backups are never overwritten)");
        }
        if (target.startsWith(dataDirectory.resolve("pg"))) {
            throw new BackupException(
                    "the backup file cannot be inside the database directory " + dataDirectory.resolve("pg"));
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Path pg = dataDirectory.resolve("pg");
        long started = System.nanoTime();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial); // left by a backup that was killed
            Progress progress = showProgress ? Progress.bytesOnStderr("backup", BaseBackup.estimateBytes(pg)) : null;
            LongConsumer copied = progress == null ? bytes -> {} : bytes -> progress.update(bytes, 0);
            BaseBackup.Result result;
            long files;
            long copiedBytes;
            try (TarWriter tar = new TarWriter(partial, gzip, copied)) {
                try (Connection connection = connect()) {
                    result = new BaseBackup(connection, pg, tar, clock).run("refrain " + target.getFileName());
                } // closing the connection ends the backup session (and drops its slot) before the slower rest
                copyIfPresent(tar, BackupFile.SIGNING_KEY);
                copyTree(tar, BackupFile.ARCHIVE);
                tar.text(BackupFile.MANIFEST, manifest(result));
                files = tar.files();
                copiedBytes = tar.bytes();
                tar.finish();
            }
            if (progress != null) {
                progress.finish(0);
            }
            TarWriter.force(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
            return new Written(
                    target,
                    Files.size(target),
                    copiedBytes,
                    files,
                    result.walSegments(),
                    result.startedAt(),
                    result.stoppedAt(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("backup to " + target + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupException("backup failed in the database: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", database.user());
        info.setProperty("password", Objects.requireNonNullElse(database.password(), ""));
        info.setProperty("ApplicationName", "refrain-backup");
        return DriverManager.getConnection(database.url(), info);
    }

    private void copyIfPresent(TarWriter tar, String relative) throws IOException {
        Path file = dataDirectory.resolve(relative);
        if (Files.isRegularFile(file)) {
            tar.file(file, relative);
        }
    }

    /** The archive's published files; temporary ones ({@code .tmp}) are archives still being written. */
    private void copyTree(TarWriter tar, String relative) throws IOException {
        Path root = dataDirectory.resolve(relative);
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !file.getFileName().toString().endsWith(".tmp")) {
                    tar.file(file, relative + "/" + root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private String manifest(BaseBackup.Result result) throws IOException {
        var values = new TreeMap<String, String>();
        values.put("format", BackupFile.FORMAT);
        values.put("postgresql.version", result.postgresVersion());
        values.put("postgresql.system-identifier", result.systemIdentifier());
        values.put("backup.started-at", result.startedAt().toString());
        values.put("backup.stopped-at", result.stoppedAt().toString());
        values.put("wal.start-lsn", result.startLsn());
        values.put("wal.stop-lsn", result.stopLsn());
        values.put("wal.first-segment", result.startWal());
        values.put("wal.last-segment", result.stopWal());
        values.put("pg.files", Long.toString(result.files()));
        values.put("pg.bytes", Long.toString(result.bytes()));
        values.put("source.data-dir", dataDirectory.root().toString());
        StringWriter out = new StringWriter();
        out.write("# A Refrain backup: pg/ is a PostgreSQL base backup; restore with: refrain restore FILE\n");
        values.forEach((k, v) -> out.write(k + "=" + v + "\n"));
        return out.toString();
    }

    private static void forceDirectory(Path dir) {
        try (var channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is on disk
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error that brought us here matters more
        }
    }
}
