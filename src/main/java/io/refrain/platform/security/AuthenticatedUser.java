package io.refrain.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * The caller of an authenticated request. Controllers take it as a parameter; it is resolved
 * from the verified access token.
 */
public record AuthenticatedUser(UUID id, UUID sessionId, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
