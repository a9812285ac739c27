package io.refrain.assistant;

import io.refrain.accounts.AccountService;
import io.refrain.accounts.ApiTokens;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves the bearer token of an /mcp request: a pasted API token, else an access token of the
 * authorization server ({@link OAuthServerConfig}). A token is looked up on every request (one
 * index lookup), so a revoked token is refused at the next call, not when some cache expires. A scrobbler
 * token authenticates but carries no {@code mcp:*} scope, so it is refused with 403
 * {@code insufficient_scope} rather than taken for an unknown token.
 */
@Component
@ConditionalOnWebApplication // the authorization server it consults is the web server's
class AssistantTokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;
    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final AccountService accounts;

    AssistantTokenIntrospector(
            ApiTokens tokens,
            OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients,
            AccountService accounts) {
        this.tokens = tokens;
        this.authorizations = authorizations;
        this.clients = clients;
        this.accounts = accounts;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.identify(token)
                .map(holder -> new AssistantPrincipal(
                        new McpCaller(holder.userId(), "token:" + holder.tokenId(), holder.name(), holder.scopes())))
                .orElseGet(() -> oauth(token));
    }

    /**
     * An access token of the authorization server: live (not expired, revoked or replaced), issued
     * for this resource, of a user who still has an account.
     */
    private AssistantPrincipal oauth(String token) {
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2AccessToken> access =
                authorization == null ? null : authorization.getAccessToken();
        if (access == null || !access.isActive()) {
            throw invalid();
        }
        Object audience = access.getClaims() == null ? null : access.getClaims().get("aud");
        String resource = OAuthServerConfig.resourceUrl();
        boolean forUs = audience instanceof List<?> list ? list.contains(resource) : resource.equals(audience);
        if (!forUs) {
            throw new BadOpaqueTokenException("The token was issued for another resource, not " + resource + ".");
        }
        UUID user = UUID.fromString(authorization.getPrincipalName());
        if (accounts.emailOf(user).isEmpty()) {
            throw invalid(); // the account was deleted since
        }
        RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
        return new AssistantPrincipal(new McpCaller(
                user,
                "oauth:" + (client == null ? authorization.getRegisteredClientId() : client.getClientId()),
                client == null ? "OAuth client" : client.getClientName(),
                authorization.getAuthorizedScopes()));
    }

    private static BadOpaqueTokenException invalid() {
        return new BadOpaqueTokenException(
                "The token is not valid: unknown, revoked, expired, or not a Refrain token.");
    }
}
