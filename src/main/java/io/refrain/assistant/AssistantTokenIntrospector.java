package io.refrain.assistant;

import io.refrain.accounts.ApiTokens;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves the bearer token of an /mcp request. A token is looked up on every request (one index
 * lookup), so a revoked token is refused at the next call, not when some cache expires. A scrobbler
 * token authenticates but carries no {@code mcp:*} scope, so it is refused with 403
 * {@code insufficient_scope} rather than taken for an unknown token.
 */
@Component
class AssistantTokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;

    AssistantTokenIntrospector(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.identify(token)
                .map(holder -> new AssistantPrincipal(
                        new McpCaller(holder.userId(), "token:" + holder.tokenId(), holder.name(), holder.scopes())))
                .orElseThrow(() -> new BadOpaqueTokenException(
                        "The token is not valid: unknown, revoked, or not a Refrain token."));
    }
}
