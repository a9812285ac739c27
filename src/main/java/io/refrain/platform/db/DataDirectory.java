package io.refrain.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory of one running Refrain process: holds the embedded database, generated
 * secrets and the mail outbox. An exclusive lock on {@code refrain.lock} makes a second process
 * on the same directory fail fast with a clear message instead of corrupting the database.
 * The lock file also records how to reach this process's database, for later CLI tools.
 */
public final class DataDirectory implements AutoCloseable {

    private static final String LOCK_FILE = "refrain.lock";

    private static final String DATABASE_PREFIX = "database=";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;
    private final String runningDatabaseUrl;

    private DataDirectory(Path root, FileChannel channel, FileLock lock, String runningDatabaseUrl) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
        this.runningDatabaseUrl = runningDatabaseUrl;
    }

    /**
     * For tool commands: takes the directory like {@link #open}, or, when a server already holds
     * it, attaches to that server's database without taking the lock.
     */
    public static DataDirectory openOrAttach(Path dir) {
        try {
            return open(dir);
        } catch (DataDirectoryLockedException e) {
            Path root = dir.toAbsolutePath().normalize();
            String url = readRunningDatabase(root.resolve(LOCK_FILE));
            if (url == null) {
                throw new DataDirectoryLockedException(
                        root); // a server without an embedded database: use REFRAIN_DATABASE_URL
            }
            return new DataDirectory(root, null, null, url);
        }
    }

    /**
     * The JDBC URL of the embedded database that the Refrain server holding {@code dataDir} recorded
     * in its lock file, if it recorded one (for tools that watch a server from outside).
     */
    public static java.util.Optional<String> recordedDatabaseUrl(Path dataDir) {
        return java.util.Optional.ofNullable(readRunningDatabase(dataDir.resolve(LOCK_FILE)));
    }

    private static String readRunningDatabase(Path lockFile) {
        try {
            return Files.readAllLines(lockFile).stream()
                    .filter(line -> line.startsWith(DATABASE_PREFIX))
                    .map(line -> line.substring(DATABASE_PREFIX.length()))
                    .reduce((first, second) -> second)
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The JDBC URL of the embedded database of the server that holds this directory, when attached. */
    public java.util.Optional<String> runningDatabaseUrl() {
        return java.util.Optional.ofNullable(runningDatabaseUrl);
    }

    /** Records where this process's embedded database listens, for tool commands that attach. */
    public void recordDatabase(String jdbcUrl) {
        record(DATABASE_PREFIX + jdbcUrl + "\n");
    }

    /** Creates the directory if needed and takes its lock, or throws {@link DataDirectoryLockedException}. */
    public static DataDirectory open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(
                    root.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryLockedException(root);
            }
            channel.truncate(0); // left-overs of a process that died without cleaning up
            DataDirectory directory = new DataDirectory(root, channel, lock, null);
            directory.record("pid=" + ProcessHandle.current().pid() + "\n");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    private synchronized void record(String line) {
        try {
            channel.position(channel.size());
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel == null) {
            return; // attached: the lock belongs to the server
        }
        if (lock.isValid()) {
            channel.truncate(0);
            lock.release();
        }
        channel.close();
    }
}
