package io.refrain.assistant;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for public clients, which is how MCP hosts register (no secret, PKCE). The
 * framework issues them none and lets a public client authenticate only on the code exchange
 * (its {@code code_verifier} is its proof), so such a client would send its user through login
 * and consent every hour. OAuth 2.1 allows refresh tokens for public clients when they rotate,
 * and Refrain's do ({@code reuseRefreshTokens(false)}): a refresh token is spent at its first
 * use. The framework's maintainers point to exactly this customisation
 * (spring-authorization-server#1430): a refresh-token generator without the public-client check,
 * and client authentication by {@code client_id} alone on the refresh and revocation requests of
 * a client registered with the method {@code none}.
 */
final class OAuthPublicClients {

    private OAuthPublicClients() {}

    /** Refresh tokens for every client allowed the refresh grant, public ones included. */
    static OAuth2TokenGenerator<OAuth2RefreshToken> refreshTokens(Clock clock) {
        StringKeyGenerator values =
                new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return context -> {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient()
                            .getAuthorizationGrantTypes()
                            .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant now = clock.instant();
            return new OAuth2RefreshToken(
                    values.generateKey(),
                    now,
                    now.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
        };
    }

    /** The client of a refresh or revocation request that names itself by {@code client_id} only. */
    static final class Named extends OAuth2ClientAuthenticationToken {

        private static final long serialVersionUID = 1L;

        Named(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }

    /**
     * Recognises such a request: a refresh grant or a revocation, one {@code client_id}, and no
     * other client authentication (no {@code Authorization} header, secret or assertion), so
     * confidential clients go through the framework's own converters.
     */
    static AuthenticationConverter converter(String revocationEndpoint) {
        return (HttpServletRequest request) -> {
            boolean refresh = AuthorizationGrantType.REFRESH_TOKEN
                    .getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            boolean revocation = request.getRequestURI().equals(request.getContextPath() + revocationEndpoint);
            if (!"POST".equals(request.getMethod()) || !(refresh || revocation)) {
                return null;
            }
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String[] ids = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            return ids == null || ids.length != 1 || ids[0].isBlank() ? null : new Named(ids[0]);
        };
    }

    /** Accepts a {@link Named} client when it is registered as a public client. */
    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String clientId = authentication.getPrincipal().toString();
                RegisteredClient client = clients.findByClientId(clientId);
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return Named.class.isAssignableFrom(authentication);
            }
        };
    }
}
