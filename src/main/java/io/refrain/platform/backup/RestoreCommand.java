package io.refrain.platform.backup;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.config.RefrainProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code refrain restore [--data-dir DIR] [--force] [--verify] FILE}. Runs in the offline context
 * ({@link OfflineCommands}): the tool must not start, or create, the database it is about to replace.
 */
class RestoreCommand implements CliCommand {

    static final String USAGE = "usage: refrain restore [--data-dir DIR] [--force] [--verify] FILE.tar.gz";

    private final RefrainProperties properties;
    private final PrintStream out = System.out;

    RestoreCommand(RefrainProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public int run(List<String> arguments) {
        boolean force = false;
        boolean verify = false;
        String file = null;
        for (String argument : arguments) {
            switch (argument) {
                case "--force" -> force = true;
                case "--verify" -> verify = true;
                default -> {
                    if (argument.startsWith("--") || file != null) {
                        throw new CliException("unexpected argument '" + argument + "' (" + USAGE + ")");
                    }
                    file = argument;
                }
            }
        }
        if (file == null) {
            throw new CliException("name the backup file to restore (" + USAGE + ")");
        }
        if (properties.database().external()) {
            throw new BackupException(
                    "REFRAIN_DATABASE_URL points at an external PostgreSQL server; a Refrain backup restores the "
                            + "embedded database of a data directory. Unset it to restore (and run) the embedded database, or restore "
                            + "your external server with its own tools (pg_restore, or a pg_basebackup copy).");
        }
        Restore.Restored restored = new Restore(Path.of(file), properties.dataDir(), force, verify, true).run();
        var manifest = restored.manifest();
        out.printf(
                Locale.ROOT,
                "Restored %s into %s in %.1f s: the database as it was at %s (%d migrations applied).%n",
                file,
                restored.dataDir(),
                restored.took().toMillis() / 1000.0,
                manifest.getProperty("backup.stopped-at"),
                restored.migrations());
        for (Path aside : restored.replaced()) {
            out.println("The former " + aside.getFileName().toString().replaceAll("\\.replaced-.*", "") + " is kept in "
                    + aside + " (delete it when the restored copy is good).");
        }
        if (verify) {
            out.printf("%-40s %14s  %s%n", "table", "rows", "checksum");
            restored.tables()
                    .forEach((table, t) -> out.printf(Locale.ROOT, "%-40s %,14d  %s%n", table, t.rows(), t.checksum()));
            out.printf(
                    Locale.ROOT,
                    "%d tables, %,d rows.%n",
                    restored.tables().size(),
                    restored.tables().values().stream()
                            .mapToLong(TableChecksums.Table::rows)
                            .sum());
        }
        out.println("Start it with: refrain serve --data-dir " + restored.dataDir());
        return 0;
    }
}
