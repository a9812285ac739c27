package io.refrain.bench;

import io.refrain.platform.cli.CliCommand;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code refrain bench generate [--preset small|medium|large] [--tracks N] [--users N] [--listens N] [--seed N] [--append]}. */
@Component
class BenchCommand implements CliCommand {

    private final BenchGenerator generator;

    BenchCommand(BenchGenerator generator) {
        this.generator = generator;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String subject() {
        return "generate";
    }

    @Override
    public int run(List<String> arguments) {
        BenchOptions options = BenchOptions.parse(arguments);
        System.err.printf(
                "generating %,d tracks, %,d users, %,d listens (seed %d)%n",
                options.tracks(), options.users(), options.listens(), options.seed());
        System.out.print(generator.generate(options).describe());
        return 0;
    }
}
