package io.refrain.bench.crash;

import java.nio.file.Path;
import java.util.List;

/**
 * What one crash run does: how many kill-and-restart rounds, how many concurrent writers (one
 * account each), how long the writers run before the kill (a random moment between half and one
 * and a half times {@code secondsPerRound}), on which data directory (null: a fresh temporary one,
 * deleted when the run passes) and port (0: a free one), with which seed, and how the server is
 * started ({@code serverCommand}: null means this JVM's own jar or class path).
 */
public record CrashOptions(
        int rounds,
        int writers,
        double secondsPerRound,
        Path dataDir,
        int port,
        long seed,
        String serverHeap,
        List<String> serverCommand) {

    public static final String USAGE = """
            usage: refrain bench crash [--rounds 5] [--writers 4] [--seconds-per-round 10] [--data-dir DIR] [--port N]
                                       [--seed N] [--server-heap 512m]
              Starts a Refrain server on DIR (default: a fresh temporary directory), lets the writers submit
              listens (single and batched) and playlist edits, kills the server JVM and every PostgreSQL process
              of DIR with SIGKILL at a random moment, restarts, and checks that every acknowledged write is
              there exactly once and the statistics equal a recomputation. Exits 1 on any loss, duplicate or
              mismatch.""";

    public CrashOptions {
        if (rounds < 1 || writers < 1 || secondsPerRound <= 0 || port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "--rounds and --writers must be at least 1, --seconds-per-round above 0, " + "--port 0–65535");
        }
        serverCommand = serverCommand == null ? null : List.copyOf(serverCommand);
    }

    public static CrashOptions defaults() {
        return new CrashOptions(5, 4, 10, null, 0, System.nanoTime(), "512m", null);
    }

    /** Parses the words after {@code bench crash}; a mistake throws {@link IllegalArgumentException}. */
    public static CrashOptions parse(List<String> arguments) {
        CrashOptions o = defaults();
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException(
                        arg.startsWith("--") ? arg + " needs a value" : "unknown argument '" + arg + "'");
            }
            String value = arguments.get(++i);
            o = switch (arg) {
                case "--rounds" ->
                    new CrashOptions(
                            integer(arg, value),
                            o.writers,
                            o.secondsPerRound,
                            o.dataDir,
                            o.port,
                            o.seed,
                            o.serverHeap,
                            o.serverCommand);
                case "--writers" ->
                    new CrashOptions(
                            o.rounds,
                            integer(arg, value),
                            o.secondsPerRound,
                            o.dataDir,
                            o.port,
                            o.seed,
                            o.serverHeap,
                            o.serverCommand);
                case "--seconds-per-round" ->
                    new CrashOptions(
                            o.rounds,
                            o.writers,
                            decimal(arg, value),
                            o.dataDir,
                            o.port,
                            o.seed,
                            o.serverHeap,
                            o.serverCommand);
                case "--data-dir" ->
                    new CrashOptions(
                            o.rounds,
                            o.writers,
                            o.secondsPerRound,
                            Path.of(value),
                            o.port,
                            o.seed,
                            o.serverHeap,
                            o.serverCommand);
                case "--port" ->
                    new CrashOptions(
                            o.rounds,
                            o.writers,
                            o.secondsPerRound,
                            o.dataDir,
                            integer(arg, value),
                            o.seed,
                            o.serverHeap,
                            o.serverCommand);
                case "--seed" ->
                    new CrashOptions(
                            o.rounds,
                            o.writers,
                            o.secondsPerRound,
                            o.dataDir,
                            o.port,
                            whole(arg, value),
                            o.serverHeap,
                            o.serverCommand);
                case "--server-heap" ->
                    new CrashOptions(
                            o.rounds, o.writers, o.secondsPerRound, o.dataDir, o.port, o.seed, value, o.serverCommand);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            };
        }
        return o;
    }

    public CrashOptions withDataDir(Path dir) {
        return new CrashOptions(rounds, writers, secondsPerRound, dir, port, seed, serverHeap, serverCommand);
    }

    private static int integer(String option, String value) {
        return Math.toIntExact(whole(option, value));
    }

    private static long whole(String option, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value.replaceFirst("s$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number of seconds, got '" + value + "'");
        }
    }
}
