package io.refrain.bench;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.timers.TimerBenchmark;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code refrain bench timers [--due N] [--reads N] [--data-dir DIR]}: on a generated dataset
 * (with {@code bench generate --timers N}), makes N timers run out and N warnings fall due at
 * once, times one sweep, times reading users' roles, and prints the plans.
 */
@Component
class TimerBenchCommand implements CliCommand {

    private final TimerBenchmark benchmark;

    TimerBenchCommand(TimerBenchmark benchmark) {
        this.benchmark = benchmark;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String subject() {
        return "timers";
    }

    @Override
    public int run(List<String> arguments) {
        int due = 10_000;
        int reads = 1_000;
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new CliException(option + " needs a value; usage: refrain bench timers [--due N] [--reads N]");
            }
            int value;
            try {
                value = Integer.parseInt(arguments.get(++i).replace("_", ""));
            } catch (NumberFormatException e) {
                throw new CliException(option + " must be a whole number");
            }
            if (value < 1) {
                throw new CliException(option + " must be at least 1");
            }
            switch (option) {
                case "--due" -> due = value;
                case "--reads" -> reads = value;
                default -> throw new CliException("unknown option '" + option + "' (--due, --reads)");
            }
        }
        var result = benchmark.measure(due, reads);
        if (result.timers() == 0) {
            throw new CliException("there are no timers: generate some with refrain bench generate --timers N");
        }
        System.out.printf(
                Locale.ROOT,
                "timers:          %,d%n"
                        + "expiry sweep:    %,d expired in %.0f ms%n"
                        + "warning sweep:   %,d warned in %.0f ms%n"
                        + "a user's roles:  p50 %.0f µs, p99 %.0f µs (%,d users)%n"
                        + "holds a role:    p50 %.0f µs, p99 %.0f µs%n%n%s%n",
                result.timers(),
                result.expired(),
                result.expirySweepMillis(),
                result.warned(),
                result.warningSweepMillis(),
                result.rolesReadP50Micros(),
                result.rolesReadP99Micros(),
                result.users(),
                result.holdsP50Micros(),
                result.holdsP99Micros(),
                String.join("\n\n", result.plans()));
        return 0;
    }
}
