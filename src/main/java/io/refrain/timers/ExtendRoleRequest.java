package io.refrain.timers;

import io.swagger.v3.oas.annotations.media.Schema;

/** Add time to a timer: onto what is left, running or paused. */
record ExtendRoleRequest(
        @Schema(description = "seconds to add (1 s to 10 years)", requiredMode = Schema.RequiredMode.REQUIRED)
        Long seconds) {}
