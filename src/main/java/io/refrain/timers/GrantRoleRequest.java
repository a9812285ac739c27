package io.refrain.timers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Grant a global role for a while: exactly one of durationSeconds and endsAt. */
record GrantRoleRequest(
        @Schema(description = "curator, moderator or supporter", requiredMode = Schema.RequiredMode.REQUIRED)
        String role,

        @Schema(description = "how long, in seconds (1 s to 10 years)")
        Long durationSeconds,

        @Schema(description = "until when (at most 10 years ahead); the same as the seconds from now to then")
        Instant endsAt) {}
