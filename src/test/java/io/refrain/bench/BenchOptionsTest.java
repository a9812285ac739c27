package io.refrain.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void presetsThenExplicitSizesWhateverTheOrder() {
        assertThat(BenchOptions.parse(List.of())).isEqualTo(new BenchOptions(100_000, 1_000, 1_000_000, 1, false, 0));
        assertThat(BenchOptions.parse(List.of("--listens", "5", "--preset", "large", "--seed", "9", "--append")))
                .isEqualTo(new BenchOptions(1_000_000, 100_000, 5, 9, true, 0));
        assertThat(BenchOptions.parse(List.of("--timers", "1_000_000", "--preset", "medium"))
                        .timers())
                .isEqualTo(1_000_000);
        assertThat(BenchOptions.parse(List.of("--preset", "medium")).listens()).isEqualTo(10_000_000);
    }

    @Test
    void mistakesAreReportedClearly() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--preset", "huge")))
                .hasMessageContaining("unknown preset");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "many"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--users", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--colour"))).hasMessageContaining("unknown option");
    }
}
