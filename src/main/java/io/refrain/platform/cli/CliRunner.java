package io.refrain.platform.cli;

import io.refrain.RefrainApplication;
import io.refrain.platform.backup.OfflineCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a tool command in a non-web application context and turns its outcome into an exit code. */
public final class CliRunner {

    private CliRunner() {}

    public static int run(CommandLine commandLine) {
        // restore replaces the database of the data directory: its context must not start (or create) it
        Class<?> source = OfflineCommands.NAMES.contains(commandLine.command())
                ? OfflineCommands.class
                : RefrainApplication.class;
        SpringApplication app = new SpringApplication(source);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "spring.main.log-startup-info", "false",
                "logging.level.root", "WARN",
                "logging.level.io.refrain", "INFO",
                "logging.level.io.refrain.platform", "WARN",
                "logging.level.io.refrain.sql.slow", "ERROR")); // bulk statements are slow by nature
        // an argument, not a default property: application.yml declares refrain.cli (false) and would win over a
        // default
        String[] springArguments = Stream.concat(
                        Stream.of("--refrain.cli=true"), Arrays.stream(commandLine.springArguments()))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(springArguments)) {
            List<CliCommand> named = context.getBeansOfType(CliCommand.class).values().stream()
                    .filter(c -> c.name().equals(commandLine.command()))
                    .toList();
            if (named.isEmpty()) {
                throw new CliException("unknown command '" + commandLine.command() + "'");
            }
            List<String> arguments = commandLine.arguments();
            var alone = named.stream().filter(c -> c.subject() == null).findFirst();
            if (alone.isPresent()) {
                return alone.get().run(arguments);
            }
            String subject = arguments.isEmpty() ? "" : arguments.getFirst();
            CliCommand command = named.stream()
                    .filter(c -> c.subject().equals(subject))
                    .findFirst()
                    .orElseThrow(() -> new CliException("what to " + commandLine.command() + "? one of: "
                            + named.stream().map(CliCommand::subject).sorted().collect(Collectors.joining(", "))));
            return command.run(arguments.subList(1, arguments.size()));
        } catch (CliException e) {
            System.err.println("refrain " + commandLine.command() + ": " + e.getMessage());
            return 2;
        }
    }
}
