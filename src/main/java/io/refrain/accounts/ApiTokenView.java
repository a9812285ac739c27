package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token as listed: never the token itself, only its first characters. */
record ApiTokenView(
        UUID id,
        String name,

        @Schema(description = "the first 8 characters of the token, to tell tokens apart")
        String prefix,

        @Schema(description = "what it may be used for: listenbrainz, mcp:read, mcp:write")
        List<String> scopes,

        Instant createdAt,

        @Schema(description = "when a request last used it (to the minute), or null")
        Instant lastUsedAt) {}
