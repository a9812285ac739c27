package io.refrain.timers;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One entry of a user's role audit trail. */
record RoleEventView(
        long id,
        String role,

        @Schema(description = "empty for a global role; `party:<id>` for a dj")
        String scope,

        @Schema(description = "grant, extend, pause, resume, revoke, warn or expire")
        String action,

        @Schema(description = "who did it; null for the sweep (warnings, expiries)")
        UUID actorId,

        Instant at,

        @Schema(description = "when the role runs out after this, if running")
        Instant endsAt,

        @Schema(description = "seconds left after this") Long secondsLeft) {}
