package io.refrain;

import io.refrain.platform.cli.CliRunner;
import io.refrain.platform.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RefrainApplication {

    /** Entry point of the jar: {@code serve …} (the default) or a tool command such as {@code import …}. */
    public static void main(String[] args) {
        if (args.length > 1 && args[0].equals("bench") && args[1].equals("crash")) {
            // starts and kills servers of its own: this process holds no application context
            System.exit(io.refrain.bench.crash.CrashTest.main(
                    java.util.List.of(args).subList(2, args.length)));
        }
        CommandLine command = CommandLine.parseOrExit(args);
        if (command.isServe()) {
            SpringApplication.run(RefrainApplication.class, command.springArguments());
        } else {
            System.exit(CliRunner.run(command));
        }
    }
}
