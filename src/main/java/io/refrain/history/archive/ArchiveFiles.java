package io.refrain.history.archive;

import io.refrain.platform.db.DataDirectory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.stereotype.Component;

/**
 * The archive files, {@code <data-dir>/archive/listens/listens_YYYY_MM.csv.gz}. A file is
 * written under a temporary name, fsynced, and only then given its real name, by a hard link
 * that fails when the name exists: an archive is never half-written and never overwritten.
 */
@Component
class ArchiveFiles {

    /** A file written under its temporary name, not yet published. */
    record Staged(Path temp, long bytes, String sha256) {}

    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Path directory;

    ArchiveFiles(DataDirectory dataDirectory) {
        this.directory = dataDirectory.resolve("archive").resolve("listens");
    }

    Path path(PartitionName name) {
        return directory.resolve(name.fileName());
    }

    boolean exists(PartitionName name) {
        return Files.exists(path(name));
    }

    Staged stage(PartitionName name, Writer writer) {
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, name.value() + ".", ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                var gzip = new GZIPOutputStream(
                        new DigestOutputStream(
                                new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), sha),
                        1 << 16);
                writer.writeTo(gzip);
                gzip.finish();
                gzip.flush();
                channel.force(true); // on disk before the partition can be dropped
            }
            return new Staged(temp, Files.size(temp), HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive of " + name.value() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the data rows of a staged file by reading it back: proves it decodes, not just that bytes went out. */
    long countRows(Staged staged) {
        try (CSVParser parser = FORMAT.parse(open(staged.temp()))) {
            long rows = 0;
            for (var ignored : parser) {
                rows++;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the staged file its real name; fails with FileAlreadyExistsException-caused error rather than replace one. */
    Path publish(Staged staged, PartitionName name) {
        Path target = path(name);
        try {
            Files.createLink(target, staged.temp());
            Files.delete(staged.temp());
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true); // the new directory entry survives a crash too
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target + ": " + e.getMessage(), e);
        }
    }

    void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decompressed CSV text of an archive file (header first). */
    Reader open(String fileName) throws IOException {
        return open(directory.resolve(fileName));
    }

    private static Reader open(Path file) throws IOException {
        return new InputStreamReader(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16),
                StandardCharsets.UTF_8);
    }
}
