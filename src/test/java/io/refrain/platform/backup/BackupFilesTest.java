package io.refrain.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.db.DataDirectory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of backup and restore that need no database: WAL segment names, names of files, what restore refuses. */
class BackupFilesTest {

    @TempDir
    Path dir;

    @Test
    void walSegmentsRunFromTheFirstToTheLastAcrossALogBoundary() {
        long mb16 = 16L * 1024 * 1024;
        assertThat(BaseBackup.segments("000000010000000000000003", "000000010000000000000003", mb16))
                .containsExactly("000000010000000000000003");
        assertThat(BaseBackup.segments("0000000200000000000000FE", "000000020000000100000001", mb16))
                .containsExactly(
                        "0000000200000000000000FE",
                        "0000000200000000000000FF",
                        "000000020000000100000000",
                        "000000020000000100000001");
        assertThat(BaseBackup.segments("00000001000000000000003F", "000000010000000100000000", 64L * 1024 * 1024))
                .containsExactly("00000001000000000000003F", "000000010000000100000000");
        assertThatThrownBy(() -> BaseBackup.segments("000000010000000000000003", "000000020000000000000004", mb16))
                .hasMessageContaining("timeline");
    }

    @Test
    void theFileNameSaysWhetherTheTarIsCompressed() {
        assertThat(BackupFile.compressed(Path.of("/b/refrain-2026-12-02.tar.gz")))
                .isTrue();
        assertThat(BackupFile.compressed(Path.of("b.TGZ"))).isTrue();
        assertThat(BackupFile.compressed(Path.of("b.tar"))).isFalse();
        assertThatThrownBy(() -> BackupFile.compressed(Path.of("b.zip")))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining(".tar.gz");
    }

    @Test
    void restoreRefusesADirectoryInUse() throws Exception {
        Path backup = tar("b.tar.gz", "refrain-backup.properties", "format=refrain-backup-1\n");
        Path target = dir.resolve("in-use");
        try (DataDirectory inUse = DataDirectory.open(target)) {
            assertThat(inUse.root())
                    .isEqualTo(target.toAbsolutePath().normalize()); // held by this JVM, as by a running server
            assertThatThrownBy(() -> new Restore(backup, target, true, false, false).run())
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("is running on");
        }
    }

    @Test
    void restoreRefusesADirectoryHoldingDataUnlessForced() throws Exception {
        Path backup = tar("b.tar.gz", "refrain-backup.properties", "format=refrain-backup-1\n");
        Path target = dir.resolve("full");
        Files.createDirectories(target.resolve("pg"));
        Files.writeString(target.resolve("pg/PG_VERSION"), "17\n");
        assertThatThrownBy(() -> new Restore(backup, target, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("already holds data")
                .hasMessageContaining("--force");
        // forced, it gets as far as checking the backup, which lacks its database; the old one stays
        assertThatThrownBy(() -> new Restore(backup, target, true, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("lacks pg/backup_label");
        assertThat(target.resolve("pg/PG_VERSION")).hasContent("17\n");
        try (var entries = Files.list(target)) {
            assertThat(entries.noneMatch(p -> p.getFileName().toString().startsWith(".restore-")))
                    .as("staging removed")
                    .isTrue();
        }
    }

    @Test
    void restoreRefusesWhatIsNotAWholeBackup() throws Exception {
        Path empty = dir.resolve("new");
        Path foreign = tar("foreign.tar.gz", "etc/passwd", "x");
        assertThatThrownBy(() -> new Restore(foreign, empty, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("unexpected entry 'etc/passwd'");
        Path escaping = tar("escaping.tar.gz", "pg/../../outside", "x");
        assertThatThrownBy(() -> new Restore(escaping, empty, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("unexpected entry");
        assertThat(dir.resolve("outside")).doesNotExist();
        Path noManifest = tar("cut.tar.gz", "pg/PG_VERSION", "17\n");
        assertThatThrownBy(() -> new Restore(noManifest, empty, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not a whole Refrain backup");
        Path truncated = dir.resolve("truncated.tar.gz");
        byte[] whole = Files.readAllBytes(tar("whole.tar.gz", "pg/PG_VERSION", "17\n".repeat(5000)));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> new Restore(truncated, empty, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> new Restore(dir.resolve("missing.tar.gz"), empty, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("no backup file");
    }

    @Test
    void anExternalDatabaseIsLeftToItsOwnTools() throws Exception {
        var external = new RefrainProperties(
                dir,
                false,
                false,
                new RefrainProperties.Database(
                        "jdbc:postgresql://db.example/refrain",
                        "refrain",
                        "secret",
                        10,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30),
                        Duration.ofMillis(200),
                        "auto",
                        false),
                null,
                null,
                null,
                null);
        try (DataDirectory data = DataDirectory.open(dir.resolve("data"))) {
            assertThatThrownBy(() -> new Backups(external, data, null).write(dir.resolve("b.tar.gz"), false))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("pg_basebackup")
                    .hasMessageContaining("pg_dump");
        }
        assertThatThrownBy(() -> new RestoreCommand(external).run(java.util.List.of("b.tar.gz")))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("external PostgreSQL");
        assertThat(dir.resolve("b.tar.gz")).doesNotExist();
    }

    private Path tar(String name, String entryName, String content) throws Exception {
        Path file = dir.resolve(name);
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName, true);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        return file;
    }
}
