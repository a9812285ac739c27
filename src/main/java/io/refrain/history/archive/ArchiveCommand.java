package io.refrain.history.archive;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.Progress;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code refrain history archive --older-than-months N [--dry-run]}: archives old months now, for admins. */
@Component
class ArchiveCommand implements CliCommand {

    private final ListenArchiver archiver;
    private final PrintStream out;

    ArchiveCommand(ListenArchiver archiver) {
        this.archiver = archiver;
        this.out = System.out;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String subject() {
        return "archive";
    }

    @Override
    public int run(List<String> arguments) {
        Options options = Options.parse(arguments);
        var due = archiver.due(options.months());
        if (due.isEmpty()) {
            out.println("No month of listens ended more than " + options.months() + " months ago; nothing to archive.");
            return 0;
        }
        Progress progress = Progress.onStderr(options.dryRun() ? "checking" : "archiving", due.size());
        long[] rows = {0};
        int[] done = {0};
        var outcomes = archiver.archiveOlderThan(options.months(), options.dryRun(), outcome -> {
            rows[0] += outcome.rows();
            progress.update(++done[0], rows[0]);
        });
        progress.finish(rows[0]);
        for (var o : outcomes) {
            out.println(
                    switch (o.status()) {
                        case ARCHIVED -> "%s  archived %,d listens to %s".formatted(o.month(), o.rows(), o.file());
                        case DRY_RUN -> "%s  would archive %,d listens to %s".formatted(o.month(), o.rows(), o.file());
                        case REFUSED -> "%s  refused: %s".formatted(o.month(), o.detail());
                    });
        }
        long refused = outcomes.stream()
                .filter(o -> o.status() == ListenArchiver.Status.REFUSED)
                .count();
        out.printf(
                "%s %d month(s), %,d listens%s.%n",
                options.dryRun() ? "Dry run: would archive" : "Archived",
                outcomes.size() - refused,
                rows[0],
                refused == 0 ? "" : "; " + refused + " refused");
        return refused == 0 ? 0 : 1;
    }

    record Options(int months, boolean dryRun) {
        static Options parse(List<String> arguments) {
            Integer months = null;
            boolean dryRun = false;
            for (int i = 0; i < arguments.size(); i++) {
                switch (arguments.get(i)) {
                    case "--dry-run" -> dryRun = true;
                    case "--older-than-months" -> {
                        if (i + 1 >= arguments.size()) {
                            throw new CliException("--older-than-months needs a number of months");
                        }
                        months = months(arguments.get(++i));
                    }
                    default ->
                        throw new CliException("unknown argument '" + arguments.get(i)
                                + "' (usage: history archive --older-than-months N [--dry-run])");
                }
            }
            if (months == null) {
                throw new CliException("say how many months to keep: --older-than-months N (N >= 1)");
            }
            return new Options(months, dryRun);
        }

        private static int months(String value) {
            try {
                int months = Integer.parseInt(value);
                if (months >= 1) {
                    return months;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CliException("--older-than-months must be a whole number of months >= 1, got '" + value + "'");
        }
    }
}
