package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What to call a new API token, e.g. the scrobbler that will use it. */
record CreateApiTokenRequest(
        @Schema(description = "1–100 characters", example = "Navidrome")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name) {}
