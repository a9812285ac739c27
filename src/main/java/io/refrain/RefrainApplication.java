package io.refrain;

import io.refrain.platform.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RefrainApplication {

    /** Entry point of the jar: {@code serve [--port N] [--data-dir DIR]}; no arguments means serve. */
    public static void main(String[] args) {
        CommandLine command = CommandLine.parseOrExit(args);
        SpringApplication.run(RefrainApplication.class, command.springArguments());
    }
}
