package io.refrain.history.importer;

import io.refrain.accounts.AccountService;
import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code refrain import listens --user EMAIL [--dry-run] [--window SECONDS] [--show-skipped] FILE…}:
 * imports listening-history exports (Spotify extended or account data, ListenBrainz JSON/JSONL/zip,
 * Last.fm CSV) into one user's history, each file as an import batch with a progress bar and a summary.
 */
@Component
class ImportListensCommand implements CliCommand {

    private static final int SKIPPED_SHOWN = 20;

    private final ListenImporter importer;
    private final AccountService accounts;

    ImportListensCommand(ListenImporter importer, AccountService accounts) {
        this.importer = importer;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String subject() {
        return "listens";
    }

    @Override
    public int run(List<String> arguments) {
        String email = null;
        boolean dryRun = false;
        boolean showSkipped = false;
        Duration window = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--user" -> email = value(arguments, ++i, "--user");
                case "--dry-run" -> dryRun = true;
                case "--show-skipped" -> showSkipped = true;
                case "--window" -> window = Duration.ofSeconds(seconds(value(arguments, ++i, "--window")));
                default -> {
                    if (argument.startsWith("--")) {
                        throw new CliException("unknown option " + argument + USAGE);
                    }
                    files.add(Path.of(argument));
                }
            }
        }
        if (email == null || files.isEmpty()) {
            throw new CliException("name the user and at least one file" + USAGE);
        }
        String address = email;
        UUID userId = accounts.idByEmail(address)
                .orElseThrow(() -> new CliException("there is no account with the e-mail " + address));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CliException("cannot read " + file + ": not a file");
            }
        }
        int failures = 0;
        for (Path file : files) {
            failures += importOne(userId, file, new ListenImporter.Options(dryRun, window), showSkipped) ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    private boolean importOne(UUID userId, Path file, ListenImporter.Options options, boolean showSkipped) {
        long id;
        try {
            id = importer.start(userId, file, file.getFileName().toString(), options.dryRun());
        } catch (RuntimeException e) {
            System.err.println(file + ": " + e.getMessage());
            return false;
        }
        Progress progress = Progress.onStderr(file.getFileName().toString(), size(file));
        ListenImportView view;
        try {
            view = importer.run(userId, id, file, options, progress::update);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println(file + ": import " + id + " failed: " + e.getMessage()
                    + " (what was added so far stays; undo it with the API: POST /api/v1/me/listen-imports/" + id
                    + "/undo)");
            return false;
        }
        progress.finish(view.rowsRead());
        System.out.print(describe(file, view));
        List<ListenImportRepository.Skip> skips =
                importer.skipped(userId, id, 0, showSkipped ? Integer.MAX_VALUE : SKIPPED_SHOWN);
        for (ListenImportRepository.Skip skip : skips) {
            System.out.printf(
                    Locale.ROOT,
                    "    row %,d: %s — %s%n",
                    skip.position(),
                    skip.reason().name().toLowerCase(Locale.ROOT),
                    skip.detail());
        }
        long notShown = view.skipped() + view.duplicates() - skips.size();
        if (notShown > 0) {
            System.out.printf(Locale.ROOT, "    … %,d more (--show-skipped lists them all)%n", notShown);
        }
        return true;
    }

    static String describe(Path file, ListenImportView v) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%s%s: import %d (%s), %,d rows read%n",
                v.dryRun() ? "DRY RUN — nothing kept. " : "",
                file,
                v.id(),
                v.format(),
                v.rowsRead()));
        out.append(String.format(
                Locale.ROOT,
                "  %s %,d listens (%s … %s), %,d new catalog tracks%n",
                v.dryRun() ? "would add" : "added",
                v.added(),
                v.firstListen(),
                v.lastListen(),
                v.tracksCreated()));
        out.append(String.format(
                Locale.ROOT,
                "  %,d duplicates, %,d left out%s%n",
                v.duplicates(),
                v.skipped(),
                v.skippedByReason().isEmpty() ? "" : " " + v.skippedByReason()));
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    private static String value(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new CliException(option + " needs a value" + USAGE);
        }
        return arguments.get(index);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new CliException("--window takes seconds, e.g. --window 120");
        }
    }

    private static final String USAGE =
            "\nusage: refrain import listens --user EMAIL [--dry-run] [--window SECONDS] [--show-skipped] FILE…";
}
