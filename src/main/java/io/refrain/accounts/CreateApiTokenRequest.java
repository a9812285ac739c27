package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What to call a new API token (e.g. the scrobbler or assistant that will use it) and what it may do. */
record CreateApiTokenRequest(
        @Schema(description = "1–100 characters", example = "Navidrome")
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String name,

        @Schema(description = """
                        what the token may be used for (default ["listenbrainz"]): `listenbrainz` for a scrobbler \
                        on /1/…, `mcp:read` for an AI assistant on /mcp that reads, with `mcp:write` when it may \
                        also make and change playlists. A token is for scrobbling or for an assistant, not both.""", example = "[\"mcp:read\", \"mcp:write\"]")
        List<String> scopes) {}
