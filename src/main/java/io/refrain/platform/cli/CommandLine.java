package io.refrain.platform.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the jar's command line ({@code serve [--port N] [--data-dir DIR]}) into Spring
 * property arguments. Kept free of Spring so a wrong flag ends with a one-line message,
 * not a stack trace.
 */
public record CommandLine(String command, List<String> properties) {

    public static final String USAGE = """
            usage: refrain serve [--port N] [--data-dir DIR]
              --port N        HTTP port (default 8080, or REFRAIN_PORT)
              --data-dir DIR  where the embedded database, keys and outbox live (default ./data)""";

    public String[] springArguments() {
        return properties.toArray(String[]::new);
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
        if (!command.equals("serve")) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--port" -> spring.add("--server.port=" + port(value(rest, ++i, arg)));
                case "--data-dir" -> spring.add("--refrain.data-dir=" + value(rest, ++i, arg));
                case "-h", "--help" -> throw new IllegalArgumentException("help requested");
                default -> {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        spring.add(arg); // pass-through of Spring properties, e.g. --logging.level.root=debug
                    } else {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                }
            }
        }
        return new CommandLine(command, List.copyOf(spring));
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
