package io.refrain.platform.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the jar's command line: {@code serve [--port N] [--data-dir DIR]} or a tool command
 * such as {@code import catalog FILE… [--data-dir DIR]}. {@code --port}, {@code --data-dir} and
 * {@code --name=value} become Spring properties; the rest (a tool command's own options, like
 * {@code import listens --user EMAIL}) are the command's arguments, for it to check. Kept free of Spring so a wrong flag ends with a
 * one-line message, not a stack trace.
 */
public record CommandLine(String command, List<String> properties, List<String> arguments) {

    public static final String USAGE = """
            usage: refrain serve [--port N] [--data-dir DIR]
                   refrain import catalog FILE... [--data-dir DIR]
                   refrain import playlists FILE... [--data-dir DIR]
                   refrain import listens --user EMAIL [--dry-run] [--window SECONDS] [--show-skipped] FILE... [--data-dir DIR]
                   refrain history archive --older-than-months N [--dry-run] [--data-dir DIR]
                   refrain backup [--data-dir DIR] FILE.tar.gz
                   refrain restore [--data-dir DIR] [--force] [--verify] FILE.tar.gz
                   refrain bench generate [--preset small|medium|large] [--tracks N] [--users N] [--listens N] [--seed N] [--append] [--data-dir DIR]
                   refrain bench crash [--rounds 5] [--writers 4] [--seconds-per-round 10] [--data-dir DIR] [--port N] [--seed N]
              --port N        HTTP port (default 8080, or REFRAIN_PORT)
              --data-dir DIR  where the embedded database, keys and outbox live (default ./data)""";

    private static final Set<String> COMMANDS =
            Set.of("serve", "import", "history", "recommend", "bench", "backup", "restore");

    public String[] springArguments() {
        return properties.toArray(String[]::new);
    }

    public boolean isServe() {
        return command.equals("serve");
    }

    public static CommandLine parseOrExit(String[] args) {
        try {
            return parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("refrain: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
    }

    public static CommandLine parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() || rest.getFirst().startsWith("--") ? "serve" : rest.removeFirst();
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        List<String> spring = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--port" -> spring.add("--server.port=" + port(value(rest, ++i, arg)));
                case "--data-dir" -> spring.add("--refrain.data-dir=" + value(rest, ++i, arg));
                case "-h", "--help" -> throw new IllegalArgumentException("help requested");
                default -> {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        spring.add(arg); // pass-through of Spring properties, e.g. --logging.level.root=debug
                    } else if (arg.startsWith("--") && command.equals("serve")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    } else {
                        arguments.add(arg); // a tool command's own options (--dry-run) are its to check
                    }
                }
            }
        }
        if (command.equals("serve") && !arguments.isEmpty()) {
            throw new IllegalArgumentException("serve takes no arguments, got '" + arguments.getFirst() + "'");
        }
        return new CommandLine(command, List.copyOf(spring), List.copyOf(arguments));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static String port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number between 0 and 65535, got '" + value + "'");
        }
    }
}
