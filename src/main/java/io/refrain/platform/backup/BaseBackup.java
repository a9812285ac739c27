package io.refrain.platform.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A base backup of a running PostgreSQL cluster with its low-level API, as described in
 * PostgreSQL's documentation, "Making a Base Backup Using the Low Level API": {@code pg_backup_start}
 * on a session held open, the data directory copied (without what the documentation says to
 * leave out), {@code pg_backup_stop}, whose {@code backup_label} is written into the copy, and the
 * WAL segments from the backup's start to its stop. Without WAL archiving those segments are
 * copied from {@code pg_wal} after the stop; a temporary replication slot, taken before the start
 * and dropped with the session, keeps a checkpoint during a long backup from recycling them.
 */
final class BaseBackup {

    /** Directories whose contents PostgreSQL recreates or does not need (the directories themselves are kept). */
    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_dynshmem",
            "pg_notify",
            "pg_replslot",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");
    /** Files of the running server, not of the cluster; {@code epg-lock} is the embedded launcher's own lock. */
    private static final Set<String> LEFT_OUT = Set.of(
            "postmaster.pid",
            "postmaster.opts",
            "backup_label",
            "backup_label.old",
            "tablespace_map",
            "backup_manifest",
            "current_logfiles",
            "epg-lock");

    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

    /** {@code stoppedAt}: every write acknowledged before it is in the backup (it is taken just before {@code pg_backup_stop}). */
    record Result(
            String startLsn,
            String stopLsn,
            String startWal,
            String stopWal,
            int walSegments,
            long bytes,
            long files,
            Instant startedAt,
            Instant stoppedAt,
            String postgresVersion,
            String systemIdentifier) {}

    private final Connection connection;
    private final Path pgDirectory;
    private final TarWriter tar;
    private final Clock clock;

    BaseBackup(Connection connection, Path pgDirectory, TarWriter tar, Clock clock) {
        this.connection = connection;
        this.pgDirectory = pgDirectory;
        this.tar = tar;
        this.clock = clock;
    }

    /** The bytes a copy will read, for the progress bar (the files change while they are copied). */
    static long estimateBytes(Path pgDirectory) throws IOException {
        long[] total = {0};
        Files.walkFileTree(pgDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return EMPTIED.contains(pgDirectory.relativize(dir).toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    Result run(String label) throws SQLException, IOException {
        prepareSession();
        String systemIdentifier = single("select system_identifier::text from pg_control_system()");
        String version = single("select current_setting('server_version')");
        long segmentSize = Long.parseLong(single("select pg_size_bytes(current_setting('wal_segment_size'))::text"));
        String slot = "refrain_backup_" + ProcessHandle.current().pid();
        boolean slotTaken = reserveWal(slot);

        Instant startedAt = clock.instant();
        String startLsn = single("select pg_backup_start(?, true)::text", label);
        String labelFile;
        String stopLsn;
        Instant stoppedAt;
        try {
            copyDataDirectory();
        } finally {
            // taken before the stop: a commit acknowledged before this instant lies before the stop's WAL position
            stoppedAt = clock.instant();
            // always end the backup mode, even when the copy failed: the session ending would too,
            // but a failed copy should not leave the server forcing full-page writes any longer
            try (PreparedStatement stop = connection.prepareStatement(
                            "select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)");
                    ResultSet rs = stop.executeQuery()) {
                rs.next();
                stopLsn = rs.getString(1);
                labelFile = rs.getString(2);
                if (rs.getString(3) != null && !rs.getString(3).isBlank()) {
                    throw new BackupException("the cluster has tablespaces outside its data directory, "
                            + "which this backup does not copy; use pg_basebackup instead");
                }
            }
        }
        tar.text(BackupFile.PG + "backup_label", labelFile);

        Matcher start = START_WAL.matcher(labelFile);
        if (!start.find()) {
            throw new IllegalStateException("no START WAL LOCATION in the backup label:\n" + labelFile);
        }
        String startWal = start.group(1);
        String stopWal = single("select pg_walfile_name(?::pg_lsn)", stopLsn);
        List<String> segments = segments(startWal, stopWal, segmentSize);
        copyWal(segments, segmentSize);
        if (slotTaken) {
            execute("select pg_drop_replication_slot('" + slot + "')");
        }
        return new Result(
                startLsn,
                stopLsn,
                startWal,
                stopWal,
                segments.size(),
                tar.bytes(),
                tar.files(),
                startedAt,
                stoppedAt,
                version,
                systemIdentifier);
    }

    private void prepareSession() throws SQLException {
        connection.setAutoCommit(true);
        execute("set statement_timeout = 0"); // the checkpoint and the stop may take longer than a request may
        String dataDirectory = single("select current_setting('data_directory')");
        try {
            if (!Files.isSameFile(Path.of(dataDirectory), pgDirectory)) {
                throw new BackupException("the database's data directory is " + dataDirectory + ", not " + pgDirectory
                        + "; this backup copies the embedded database of the data directory only");
            }
        } catch (IOException e) {
            throw new BackupException(
                    "cannot compare " + dataDirectory + " with " + pgDirectory + ": " + e.getMessage());
        }
        if (single("select current_setting('wal_level')").equals("minimal")) {
            throw new BackupException("the database runs with wal_level = minimal, which allows no online backup");
        }
    }

    /** A temporary slot keeps the WAL from now on until this session ends; without free slots the backup goes on unprotected. */
    private boolean reserveWal(String slot) throws SQLException {
        try {
            execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
            return true;
        } catch (SQLException e) {
            // max_replication_slots = 0 or all used: the WAL check after the stop still catches a recycled segment
            return false;
        }
    }

    private void copyDataDirectory() throws IOException {
        tar.directory(BackupFile.PG);
        Files.walkFileTree(pgDirectory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = pgDirectory.relativize(dir).toString();
                if (relative.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                if (dir.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                tar.directory(BackupFile.PG + relative);
                if (EMPTIED.contains(relative)) {
                    if (relative.equals("pg_wal")) {
                        tar.directory(BackupFile.PG + "pg_wal/archive_status");
                        tar.directory(BackupFile.PG + "pg_wal/summaries");
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = pgDirectory.relativize(file).toString();
                String name = file.getFileName().toString();
                if (attrs.isSymbolicLink()) {
                    throw new BackupException(
                            "the data directory holds a symbolic link (" + relative
                                    + "), a tablespace or a moved pg_wal, which this backup does not follow; use pg_basebackup instead");
                }
                if (LEFT_OUT.contains(relative) || name.equals("pg_internal.init") || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                tar.file(file, BackupFile.PG + relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed while the walk went on
                }
                throw e;
            }
        });
    }

    /** The segment names from the first to the last, inclusive, on the start's timeline. */
    static List<String> segments(String first, String last, long segmentSize) {
        String timeline = first.substring(0, 8);
        if (!last.startsWith(timeline)) {
            throw new IllegalStateException("the timeline changed during the backup: " + first + " to " + last);
        }
        long perId = 0x1_0000_0000L / segmentSize;
        long from = number(first, perId);
        long to = number(last, perId);
        List<String> names = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            names.add(timeline + "%08X%08X".formatted(n / perId, n % perId));
        }
        return names;
    }

    private static long number(String segment, long perId) {
        return Long.parseLong(segment.substring(8, 16), 16) * perId + Long.parseLong(segment.substring(16, 24), 16);
    }

    private void copyWal(List<String> segments, long segmentSize) throws IOException {
        Path wal = pgDirectory.resolve("pg_wal");
        for (String segment : segments) {
            Path file = wal.resolve(segment);
            if (!Files.exists(file)
                    || Files.size(file) != segmentSize
                    || !tar.file(file, BackupFile.PG + "pg_wal/" + segment)) {
                throw new BackupException("the WAL segment " + segment + " the backup needs is no longer in " + wal
                        + " (recycled by a checkpoint during the backup); run the backup again");
            }
        }
        try (var history = Files.newDirectoryStream(wal, "*.history")) {
            for (Path file : history) {
                tar.file(file, BackupFile.PG + "pg_wal/" + file.getFileName());
            }
        }
    }

    private String single(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
