package io.refrain.platform.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes the backup's tar stream to a file. Files are copied as they are while the database
 * writes to them: the size taken when the file is opened goes into the header and exactly that
 * many bytes follow (zeros if the file shrank meanwhile), as pg_basebackup does; WAL replay
 * repairs whatever the copy caught half-written.
 */
final class TarWriter implements AutoCloseable {

    private static final int FILE_MODE = 0600;
    private static final int DIR_MODE = 040700;

    private final FileChannel channel;
    private final TarArchiveOutputStream tar;
    private final LongConsumer copied;
    private final byte[] buffer = new byte[1 << 16];
    private long bytes;
    private long files;

    TarWriter(Path file, boolean gzip, LongConsumer copied) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        if (gzip) {
            GzipParameters parameters = new GzipParameters();
            // the fastest level: most of a database compresses well anyway, and the backup of a
            // busy server should take as little of its CPU as it can
            parameters.setCompressionLevel(Deflater.BEST_SPEED);
            parameters.setBufferSize(1 << 16);
            out = new GzipCompressorOutputStream(out, parameters);
        }
        this.tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.copied = copied;
    }

    void directory(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        entry.setMode(DIR_MODE);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Copies a file that may be changing; returns false (and writes nothing) when it has vanished. */
    boolean file(Path source, String name) throws IOException {
        FileChannel in;
        try {
            in = FileChannel.open(source, StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // dropped meanwhile (a table, a temporary file): replay of the WAL knows
        }
        try (in) {
            long size = in.size();
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(size);
            entry.setMode(FILE_MODE);
            entry.setModTime(java.nio.file.Files.getLastModifiedTime(source));
            tar.putArchiveEntry(entry);
            long left = size;
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            while (left > 0) {
                wrapped.clear().limit((int) Math.min(buffer.length, left));
                int read = in.read(wrapped);
                if (read < 0) {
                    break;
                }
                tar.write(buffer, 0, read);
                left -= read;
                progress(read);
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            while (left > 0) { // the file shrank while it was copied
                int n = (int) Math.min(buffer.length, left);
                tar.write(buffer, 0, n);
                left -= n;
            }
            tar.closeArchiveEntry();
            files++;
            return true;
        }
    }

    void text(String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        entry.setMode(FILE_MODE);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
        files++;
    }

    private void progress(long n) {
        bytes += n;
        copied.accept(bytes);
    }

    long bytes() {
        return bytes;
    }

    long files() {
        return files;
    }

    /** Ends the archive and forces it to disk, so a backup that was reported written is written. */
    void finish() throws IOException {
        tar.finish();
        tar.flush();
        tar.close(); // closes the gzip stream (its trailer) and the channel
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            tar.close();
        }
    }

    static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
