package io.refrain.playlists.smart;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** Create or replace a smart playlist: name, description and the whole rule tree. */
public record SmartPlaylistRequest(
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String name,

        @Size(max = 2000) String description,

        @NotNull
        @Schema(
                description =
                        "the rules: {\"all\"|\"any\": [conditions], \"sort\", \"order\", \"limit\", "
                                + "\"limitPercent\", \"maxPerArtist\", \"spreadArtists\"}; see docs/user-guide.md, section Smart playlists")
        JsonNode rules) {}
