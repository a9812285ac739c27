package io.refrain.timers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the timed roles ({@code refrain.timers.*}).
 *
 * @param warnings      how long before a role runs out its holder is warned, each once
 * @param sweepInterval pause between two sweeps (expiries and warnings)
 * @param sweepBatch    timers handled per statement of a sweep
 */
@ConfigurationProperties("refrain.timers")
@Validated
public record TimersProperties(
        @NotNull @Size(max = 10) List<@NotNull @DurationMin(seconds = 1) Duration> warnings,
        @NotNull @DurationMin(seconds = 1) Duration sweepInterval,
        @Min(1) @Max(10_000) int sweepBatch) {

    /** The warning offsets in seconds, largest first, for {@code timers_next_warning}. */
    Long[] warningSeconds() {
        return warnings.stream()
                .map(Duration::toSeconds)
                .distinct()
                .sorted(java.util.Comparator.reverseOrder())
                .toArray(Long[]::new);
    }
}
