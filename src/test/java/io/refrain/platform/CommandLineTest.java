package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.platform.cli.CommandLine;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void serveOptionsBecomeSpringProperties() {
        assertThat(CommandLine.parse(new String[] {"serve", "--port", "9090", "--data-dir", "/srv/refrain"})
                        .springArguments())
                .containsExactly("--server.port=9090", "--refrain.data-dir=/srv/refrain");
        assertThat(CommandLine.parse(new String[] {}).springArguments()).isEmpty();
        assertThat(CommandLine.parse(new String[] {"serve", "--logging.level.root=debug"})
                        .springArguments())
                .containsExactly("--logging.level.root=debug");
    }

    @Test
    void toolCommandsKeepTheirArguments() {
        var line = CommandLine.parse(new String[] {"import", "catalog", "a.csv.gz", "--data-dir", "d", "b.csv"});
        assertThat(line.command()).isEqualTo("import");
        assertThat(line.arguments()).containsExactly("catalog", "a.csv.gz", "b.csv");
        assertThat(line.springArguments()).containsExactly("--refrain.data-dir=d");
        var listens = CommandLine.parse(
                new String[] {"import", "listens", "--user", "a@b.c", "--dry-run", "x.json", "--data-dir", "d"});
        assertThat(listens.arguments()).containsExactly("listens", "--user", "a@b.c", "--dry-run", "x.json");
        var bench = CommandLine.parse(new String[] {"bench", "generate", "--preset", "small", "--data-dir", "d"});
        assertThat(bench.arguments()).containsExactly("generate", "--preset", "small");
        assertThat(bench.springArguments()).containsExactly("--refrain.data-dir=d");
        var backup = CommandLine.parse(new String[] {"backup", "--data-dir", "d", "b.tar.gz"});
        assertThat(backup.arguments()).containsExactly("b.tar.gz");
        assertThat(backup.springArguments()).containsExactly("--refrain.data-dir=d");
        var restore = CommandLine.parse(new String[] {"restore", "--force", "b.tar.gz", "--data-dir", "d", "--verify"});
        assertThat(restore.arguments()).containsExactly("--force", "b.tar.gz", "--verify");
    }

    @Test
    void mistakesAreReportedClearly() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--port", "eighty"}))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--port"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"dance"}))
                .hasMessageContaining("unknown command 'dance'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--colour"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "extra"}))
                .hasMessageContaining("no arguments");
    }
}
