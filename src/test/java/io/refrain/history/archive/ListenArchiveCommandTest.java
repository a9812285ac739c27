package io.refrain.history.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.CommandLine;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenArchiveCommandTest {

    @Test
    void theCommandLineReachesTheCommandWithItsOwnOptions() {
        CommandLine line = CommandLine.parse(
                new String[] {"history", "archive", "--older-than-months", "24", "--dry-run", "--data-dir", "/tmp/x"});
        assertThat(line.command()).isEqualTo("history");
        assertThat(line.arguments()).containsExactly("archive", "--older-than-months", "24", "--dry-run");
        assertThat(line.properties()).containsExactly("--refrain.data-dir=/tmp/x");
        assertThat(ArchiveCommand.Options.parse(line.arguments().subList(1, 4)))
                .isEqualTo(new ArchiveCommand.Options(24, true));
    }

    @Test
    void monthsAreRequiredAndAtLeastOne() {
        assertThatThrownBy(() -> ArchiveCommand.Options.parse(List.of("--dry-run")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--older-than-months");
        assertThatThrownBy(() -> ArchiveCommand.Options.parse(List.of("--older-than-months", "0")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> ArchiveCommand.Options.parse(List.of("--older-than-months")))
                .isInstanceOf(CliException.class);
        assertThatThrownBy(() -> ArchiveCommand.Options.parse(List.of("--older-than-months", "6", "--force")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--force");
    }

    @Test
    void partitionNamesAreMadeFromMonthsOnly() {
        assertThat(PartitionName.of(YearMonth.of(2009, 3)).value()).isEqualTo("listens_2009_03");
        assertThat(PartitionName.of(YearMonth.of(2009, 3)).fileName()).isEqualTo("listens_2009_03.csv.gz");
        assertThatThrownBy(() -> new PartitionName(YearMonth.of(2009, 3), "listens_2009_03; drop table users"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
