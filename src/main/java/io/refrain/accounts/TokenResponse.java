package io.refrain.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(
        description = "Tokens of a login session. Send the access token as `Authorization: Bearer …`; "
                + "exchange the refresh token at /auth/refresh before it expires (each use returns a new one).")
record TokenResponse(
        String accessToken,
        String tokenType,

        @Schema(description = "seconds until the access token expires")
        long expiresIn,

        String refreshToken,

        @Schema(description = "seconds until the refresh token expires")
        long refreshExpiresIn,

        UUID userId,
        List<String> roles) {}
