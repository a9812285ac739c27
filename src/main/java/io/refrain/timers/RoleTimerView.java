package io.refrain.timers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A timed role as its holder and administrators see it.
 *
 * @param secondsLeft what is left: to its end while running, frozen while paused
 */
public record RoleTimerView(
        UUID userId,
        Role role,

        @Schema(description = "empty for a global role; `party:<id>` for a dj")
        String scope,

        @Schema(
                description =
                        "`running` (it authorises until endsAt) or `paused` (it does not, and its time stands still)")
        String state,

        @Schema(description = "when it runs out; null while paused")
        Instant endsAt,

        long secondsLeft,
        Instant grantedAt,

        @Schema(description = "who granted it; null once that account is gone")
        UUID grantedBy) {

    static RoleTimerView of(TimerRepository.Row row, Instant now) {
        Timer timer = row.timer();
        return new RoleTimerView(
                row.userId(),
                Role.parse(row.role()).orElseThrow(),
                row.scope(),
                timer.paused() ? "paused" : "running",
                timer.endsAt(),
                (timer.left(now).toMillis() + 999) / 1000,
                row.grantedAt(),
                row.grantedBy());
    }
}
