package io.refrain.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashOptionsTest {

    @Test
    void defaultsAreFiveRoundsOfFourWritersOnAFreshDirectory() {
        CrashOptions o = CrashOptions.parse(List.of());
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.writers()).isEqualTo(4);
        assertThat(o.secondsPerRound()).isEqualTo(10);
        assertThat(o.dataDir()).isNull();
        assertThat(o.port()).isZero();
    }

    @Test
    void everyOptionIsRead() {
        CrashOptions o = CrashOptions.parse(List.of(
                "--rounds",
                "7",
                "--writers",
                "2",
                "--seconds-per-round",
                "2.5s",
                "--data-dir",
                "/tmp/x",
                "--port",
                "18500",
                "--seed",
                "12345678901",
                "--server-heap",
                "1g"));
        assertThat(o).isEqualTo(new CrashOptions(7, 2, 2.5, Path.of("/tmp/x"), 18500, 12345678901L, "1g", null));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> CrashOptions.parse(List.of("--rounds"))).hasMessage("--rounds needs a value");
        assertThatThrownBy(() -> CrashOptions.parse(List.of("--rounds", "x"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> CrashOptions.parse(List.of("--writers", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CrashOptions.parse(List.of("--kill", "9"))).hasMessage("unknown option '--kill'");
    }
}
