package io.refrain.platform.security;

import java.util.UUID;

/**
 * Tells whether the login session an access token belongs to is still live (not logged out,
 * not revoked for refresh-token reuse, account not deleted). Implemented by the accounts module;
 * consulted on every authenticated request, so implementations cache.
 */
public interface SessionRegistry {

    boolean isActive(UUID userId, UUID sessionId);
}
