package io.refrain.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A refresh token, for {@code /auth/refresh} and {@code /auth/logout}. */
record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}
