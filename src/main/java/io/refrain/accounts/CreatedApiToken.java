package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new API token: the only answer that ever shows {@code token}. */
record CreatedApiToken(
        UUID id,
        String name,

        @Schema(
                description =
                        "the token, shown this once: a scrobbler sends it as `Authorization: Token <token>`, an assistant as `Authorization: Bearer <token>`",
                example = "3f2b1c9e-8d7a-4e6f-9b5c-2a1d0e9f8c7b")
        String token,

        String prefix,
        List<String> scopes,
        Instant createdAt) {}
