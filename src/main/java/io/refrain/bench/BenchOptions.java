package io.refrain.bench;

import io.refrain.platform.cli.CliException;
import java.util.List;

/** What to generate: sizes (from a preset, each overridable), the random seed, and whether adding to an earlier run is wanted. */
record BenchOptions(long tracks, int users, long listens, long seed, boolean append, long timers) {

    public BenchOptions {
        if (tracks < 1 || users < 1 || listens < 0 || timers < 0) {
            throw new CliException("--tracks and --users must be at least 1, --listens and --timers at least 0");
        }
    }

    public static BenchOptions preset(String name) {
        return switch (name) {
            case "small" -> new BenchOptions(100_000, 1_000, 1_000_000, 1, false, 0);
            case "medium" -> new BenchOptions(1_000_000, 100_000, 10_000_000, 1, false, 0);
            case "large" -> new BenchOptions(1_000_000, 100_000, 100_000_000, 1, false, 0);
            default -> throw new CliException("unknown preset '" + name + "' (small, medium or large)");
        };
    }

    /** Parses {@code --preset P --tracks N --users N --listens N --seed N --append --timers N}; the preset is applied first, whatever the order. */
    public static BenchOptions parse(List<String> arguments) {
        BenchOptions options = preset("small");
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--preset")) {
                options = preset(value(arguments, ++i));
            }
        }
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            options = switch (arg) {
                case "--preset" -> {
                    i++;
                    yield options;
                }
                case "--tracks" ->
                    new BenchOptions(
                            number(arguments, ++i),
                            options.users,
                            options.listens,
                            options.seed,
                            options.append,
                            options.timers);
                case "--users" ->
                    new BenchOptions(
                            options.tracks,
                            Math.toIntExact(number(arguments, ++i)),
                            options.listens,
                            options.seed,
                            options.append,
                            options.timers);
                case "--listens" ->
                    new BenchOptions(
                            options.tracks,
                            options.users,
                            number(arguments, ++i),
                            options.seed,
                            options.append,
                            options.timers);
                case "--seed" ->
                    new BenchOptions(
                            options.tracks,
                            options.users,
                            options.listens,
                            number(arguments, ++i),
                            options.append,
                            options.timers);
                case "--append" ->
                    new BenchOptions(
                            options.tracks, options.users, options.listens, options.seed, true, options.timers);
                case "--timers" ->
                    new BenchOptions(
                            options.tracks,
                            options.users,
                            options.listens,
                            options.seed,
                            options.append,
                            number(arguments, ++i));
                default -> throw new CliException("unknown option '" + arg + "'");
            };
        }
        return options;
    }

    private static String value(List<String> arguments, int index) {
        if (index >= arguments.size()) {
            throw new CliException(arguments.get(index - 1) + " needs a value");
        }
        return arguments.get(index);
    }

    private static long number(List<String> arguments, int index) {
        String value = value(arguments, index).replace("_", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new CliException(arguments.get(index - 1) + " must be a whole number, got '" + value + "'");
        }
    }
}
