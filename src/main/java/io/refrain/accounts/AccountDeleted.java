package io.refrain.accounts;

import java.util.UUID;

/**
 * Published inside the transaction that deletes an account, for modules that keep data of the
 * user in tables a foreign key to {@code users} cannot reach (the OAuth authorizations, which
 * name the user as the framework's principal name).
 */
public record AccountDeleted(UUID userId) {}
