package io.refrain.platform.cli;

import java.util.List;

/**
 * A command of the {@code refrain} tool other than {@code serve} (for example {@code import}).
 * Feature modules contribute them as beans; they run in a non-web application context that
 * shares the database configuration with the server.
 */
public interface CliCommand {

    /** The first word on the command line, e.g. {@code import}. */
    String name();

    /**
     * The second word, for a command several modules contribute to ({@code import catalog},
     * {@code import playlists}); null when the command stands alone.
     */
    default String subject() {
        return null;
    }

    /** Runs the command with the words after its name (and subject); returns the process exit code. Problems the user can fix throw {@link CliException}. */
    int run(List<String> arguments);
}
