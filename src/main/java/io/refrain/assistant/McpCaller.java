package io.refrain.assistant;

import java.util.Set;
import java.util.UUID;

/**
 * Who calls the MCP endpoint: the user the token acts for, the client (a pasted token, or an OAuth
 * client), and what the token allows.
 *
 * @param clientId   {@code token:<id>} for a pasted API token
 * @param clientName what the user called the token (or the client's registered name)
 */
record McpCaller(UUID userId, String clientId, String clientName, Set<String> scopes) {

    /** The key of the caller in the MCP transport context. */
    static final String KEY = "refrain.caller";

    static final String READ = "mcp:read";
    static final String WRITE = "mcp:write";

    boolean canWrite() {
        return scopes.contains(WRITE);
    }

    boolean canRead() {
        return scopes.contains(READ) || scopes.contains(WRITE);
    }
}
