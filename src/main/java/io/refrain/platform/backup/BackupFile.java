package io.refrain.platform.backup;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The layout of a backup file: a tar archive (gzip-compressed when the name ends in
 * {@code .tar.gz} or {@code .tgz}) holding
 * <ul>
 * <li>{@code pg/}: a PostgreSQL base backup of the embedded cluster, made with the low-level API
 *     ({@code backup_label} and the WAL segments from start to stop included), so restoring is
 *     "extract into the data directory's {@code pg/} and start PostgreSQL";</li>
 * <li>{@code secrets/jwt.key}: the token signing key (tokens issued before stay valid);</li>
 * <li>{@code archive/listens/}: the archived months of listens, which are no longer in the database;</li>
 * <li>{@code refrain-backup.properties}, last: what was backed up, and when.</li>
 * </ul>
 */
final class BackupFile {

    static final String PG = "pg/";
    static final String MANIFEST = "refrain-backup.properties";
    static final String FORMAT = "refrain-backup-1";
    /** The data directory's own files worth keeping besides the database, relative to it. */
    static final String SIGNING_KEY = "secrets/jwt.key";

    static final String ARCHIVE = "archive/listens";

    private BackupFile() {}

    /** True for a gzip-compressed file; false for a plain tar; throws for any other name. */
    static boolean compressed(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return true;
        }
        if (name.endsWith(".tar")) {
            return false;
        }
        throw new BackupException(
                "the backup file's name must end in .tar.gz, .tgz or .tar, got '" + file.getFileName() + "'");
    }
}
