package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "A user's settings document. PUT replaces it whole: every field is required.")
record Settings(
        @NotNull
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        @Schema(example = "en")
        String language,

        @NotNull @Pattern(regexp = "system|light|dark", message = "must be system, light or dark")
        String theme,

        @NotNull
        @Pattern(regexp = "allow|warn|block", message = "must be allow, warn or block")
        @Schema(description = "what to do with explicit tracks")
        String explicitContent,

        @NotNull @Pattern(regexp = "low|normal|high|lossless", message = "must be low, normal, high or lossless")
        String audioQuality,

        @NotNull @Schema(description = "while true, listens are not used for recommendations or shown to others")
        Boolean privateSession,

        @NotNull Boolean autoplay,
        @NotNull @Min(0) @Max(12) Integer crossfadeSeconds,
        @NotNull Boolean normalizeVolume,

        @NotNull
        @Size(min = 1, max = 64)
        @Schema(description = "IANA time zone, e.g. Europe/Berlin; used for statistics by day")
        String timezone) {

    static Settings defaults() {
        return new Settings("en", "system", "allow", "high", false, true, 0, true, "UTC");
    }
}
