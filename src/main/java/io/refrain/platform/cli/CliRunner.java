package io.refrain.platform.cli;

import io.refrain.RefrainApplication;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a tool command in a non-web application context and turns its outcome into an exit code. */
public final class CliRunner {

    private CliRunner() {
    }

    public static int run(CommandLine commandLine) {
        SpringApplication app = new SpringApplication(RefrainApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of(
                "refrain.cli", "true",
                "spring.main.log-startup-info", "false",
                "logging.level.root", "WARN",
                "logging.level.io.refrain", "INFO",
                "logging.level.io.refrain.platform", "WARN",
                "logging.level.io.refrain.sql.slow", "ERROR")); // bulk statements are slow by nature
        try (ConfigurableApplicationContext context = app.run(commandLine.springArguments())) {
            CliCommand command = context.getBeansOfType(CliCommand.class).values().stream()
                    .filter(c -> c.name().equals(commandLine.command()))
                    .findFirst()
                    .orElseThrow(() -> new CliException("unknown command '" + commandLine.command() + "'"));
            return command.run(commandLine.arguments());
        } catch (CliException e) {
            System.err.println("refrain " + commandLine.command() + ": " + e.getMessage());
            return 2;
        }
    }
}
