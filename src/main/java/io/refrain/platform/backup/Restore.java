package io.refrain.platform.backup;

import io.refrain.platform.cli.CountingInputStream;
import io.refrain.platform.cli.Progress;
import io.refrain.platform.db.DataDirectory;
import io.refrain.platform.db.DataDirectoryLockedException;
import io.refrain.platform.db.EmbeddedDatabase;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.springframework.util.FileSystemUtils;

/**
 * Restores a backup into a data directory that no process uses: extracts it into a staging
 * directory next to the target, checks it is a whole backup, moves it into place, and starts
 * the restored database once, so PostgreSQL's own recovery replays the backup's WAL to a
 * consistent state there and then (and {@code --verify} can count what came back). A directory
 * that holds data is replaced only when forced, and its old contents are kept beside it.
 */
public final class Restore {

    /** What was restored; {@code replaced} lists where the directory's former contents were moved. */
    public record Restored(
            Path dataDir,
            Properties manifest,
            List<Path> replaced,
            Map<String, TableChecksums.Table> tables,
            int migrations,
            Duration took) {}

    private static final List<String> RESTORED = List.of("pg", "secrets", "archive");
    private static final Duration RECOVERY_WAIT = Duration.ofMinutes(30);

    private final Path file;
    private final Path dataDir;
    private final boolean force;
    private final boolean verify;
    private final boolean showProgress;

    public Restore(Path file, Path dataDir, boolean force, boolean verify, boolean showProgress) {
        this.file = file.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.force = force;
        this.verify = verify;
        this.showProgress = showProgress;
    }

    public Restored run() {
        boolean gzip = BackupFile.compressed(file);
        if (!Files.isRegularFile(file)) {
            throw new BackupException("no backup file " + file);
        }
        long started = System.nanoTime();
        DataDirectory directory;
        try {
            directory = DataDirectory.open(dataDir);
        } catch (DataDirectoryLockedException e) {
            throw new BackupException("a Refrain process (a server or a tool command) is running on " + dataDir
                    + "; stop it before restoring into it, or restore into another --data-dir");
        }
        try (directory) {
            List<Path> holding = RESTORED.stream()
                    .map(dataDir::resolve)
                    .filter(Restore::holdsData)
                    .toList();
            if (!holding.isEmpty() && !force) {
                throw new BackupException(dataDir + " already holds data ("
                        + holding.stream().map(p -> p.getFileName().toString()).toList()
                        + "); restore into a new --data-dir, or add --force to replace it (its current contents are kept "
                        + "beside it as *.replaced-<time>)");
            }
            Path staging = dataDir.resolve(".restore-" + UUID.randomUUID());
            try {
                Properties manifest = extract(gzip, staging);
                List<Path> replaced = moveIntoPlace(staging, holding);
                Path pg = dataDir.resolve("pg");
                Recovered recovered = recover(pg);
                return new Restored(
                        dataDir,
                        manifest,
                        replaced,
                        recovered.tables(),
                        recovered.migrations(),
                        Duration.ofNanos(System.nanoTime() - started));
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("restore of " + file + " into " + dataDir + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean holdsData(Path path) {
        if (!Files.exists(path)) {
            return false;
        }
        if (!Files.isDirectory(path)) {
            return true;
        }
        try (var entries = Files.list(path)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties extract(boolean gzip, Path staging) throws IOException {
        Files.createDirectory(
                staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        long size = Files.size(file);
        Progress progress = showProgress ? Progress.bytesOnStderr("restore", size) : null;
        Properties manifest = null;
        try (CountingInputStream counting =
                        new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(counting) : counting)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = safeTarget(staging, entry.getName());
                if (entry.isDirectory()) {
                    createPrivateDirectories(target);
                } else if (entry.isFile()) {
                    createPrivateDirectories(target.getParent());
                    if (entry.getName().equals(BackupFile.MANIFEST)) {
                        manifest = new Properties();
                        manifest.load(tar);
                    } else {
                        write(tar, target);
                    }
                } else {
                    throw new BackupException("the backup holds " + entry.getName()
                            + ", which is neither a file nor a directory; " + "is it a Refrain backup?");
                }
                if (progress != null) {
                    progress.update(counting.count(), 0);
                }
            }
        } catch (IOException e) {
            throw new BackupException(
                    "cannot read " + file + " (" + e.getMessage() + "); is it a whole Refrain backup?");
        }
        if (progress != null) {
            progress.finish(0);
        }
        if (manifest == null || !BackupFile.FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupException(file + " is not a whole Refrain backup (its " + BackupFile.MANIFEST
                    + " is missing: the file was cut short, or made by another tool)");
        }
        for (String required : List.of(
                "pg/backup_label",
                "pg/PG_VERSION",
                "pg/global/pg_control",
                "pg/pg_wal/" + manifest.getProperty("wal.last-segment"))) {
            if (!Files.isRegularFile(staging.resolve(required))) {
                throw new BackupException(file + " lacks " + required + "; it is not a usable backup");
            }
        }
        return manifest;
    }

    /** The entry's path inside the staging directory; a name that would leave it is refused. */
    private static Path safeTarget(Path staging, String name) {
        Path target = staging.resolve(name).normalize();
        String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        if (!target.startsWith(staging)
                || target.equals(staging)
                || !(RESTORED.contains(top) || name.equals(BackupFile.MANIFEST))) {
            throw new BackupException("the backup holds an unexpected entry '" + name + "'; is it a Refrain backup?");
        }
        return target;
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(
                dir, PosixFilePermissions.fromString("rwx------")); // PostgreSQL insists on it for pg/
    }

    private static void write(InputStream in, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            in.transferTo(out);
            channel.force(true);
        }
    }

    private List<Path> moveIntoPlace(Path staging, List<Path> holding) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        List<Path> replaced = new java.util.ArrayList<>();
        for (String name : RESTORED) {
            Path current = dataDir.resolve(name);
            if (holding.contains(current) || Files.exists(current)) {
                Path aside = dataDir.resolve(name + ".replaced-" + stamp);
                Files.move(current, aside);
                if (holding.contains(current)) {
                    replaced.add(aside);
                } else {
                    deleteTree(aside); // an empty left-over
                }
            }
            Path restored = staging.resolve(name);
            if (Files.exists(restored)) {
                Files.move(restored, current);
            }
        }
        try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
            dir.force(true);
        }
        return replaced;
    }

    private record Recovered(Map<String, TableChecksums.Table> tables, int migrations) {}

    /** Starts the restored cluster: PostgreSQL finds the backup label, replays the WAL to the backup's end, and opens. */
    private Recovered recover(Path pg) throws IOException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pg, "128MB", RECOVERY_WAIT);
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "")) {
            int migrations;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                migrations = rs.getInt(1);
            }
            return new Recovered(verify ? TableChecksums.of(connection) : Map.of(), migrations);
        } catch (io.refrain.platform.config.StartupException e) {
            throw new BackupException("the restored files are in " + pg + ", but PostgreSQL did not start on them: "
                    + e.getMessage() + " (its log lines are above)");
        } catch (SQLException e) {
            throw new BackupException(
                    "the restored database started but does not answer as a Refrain database: " + e.getMessage());
        }
    }

    /** Removes the staging directory; a failure to clean up must not hide why the restore failed. */
    private static void deleteTree(Path root) {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            System.err.println("restore: could not remove " + root + ": " + e.getMessage());
        }
    }
}
