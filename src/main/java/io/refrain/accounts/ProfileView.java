package io.refrain.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in user's own profile. */
record ProfileView(
        UUID id,
        String email,
        String displayName,
        String bio,
        String avatarUrl,
        boolean emailVerified,
        List<String> roles,
        Instant createdAt) {}
