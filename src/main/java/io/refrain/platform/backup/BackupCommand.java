package io.refrain.platform.backup;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code refrain backup [--data-dir DIR] FILE}: a backup of the data directory, while its server runs or not. */
@Component
class BackupCommand implements CliCommand {

    static final String USAGE = "usage: refrain backup [--data-dir DIR] FILE.tar.gz";

    private final Backups backups;
    private final PrintStream out = System.out;

    BackupCommand(Backups backups) {
        this.backups = backups;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 1 || arguments.getFirst().startsWith("--")) {
            throw new CliException(
                    arguments.isEmpty()
                            ? "name the backup file (" + USAGE + ")"
                            : "unexpected arguments " + arguments + " (" + USAGE + ")");
        }
        Backups.Written written = backups.write(Path.of(arguments.getFirst()), true);
        out.printf(
                Locale.ROOT,
                "Backup written to %s: %,.1f MB (%,.1f MB copied, %,d files, %d WAL segments) in %.1f s.%n",
                written.file(),
                written.fileBytes() / 1e6,
                written.copiedBytes() / 1e6,
                written.files(),
                written.walSegments(),
                written.took().toMillis() / 1000.0);
        out.printf(
                "It holds every write committed before %s. Restore with: refrain restore --data-dir NEW_DIR %s%n",
                written.stoppedAt(), written.file());
        return 0;
    }
}
