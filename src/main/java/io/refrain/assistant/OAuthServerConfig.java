package io.refrain.assistant;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientRegistrationAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.converter.OAuth2ClientRegistrationRegisteredClientConverter;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refrain as the OAuth 2.1 authorization server of its MCP endpoint, on Spring Security's
 * authorization server: client registration open to any MCP client (RFC 7591, as the MCP spec
 * allows), the authorization code flow with PKCE required, a login form for Refrain accounts and a
 * consent page, refresh tokens (rotated, for public clients too: {@link OAuthPublicClients}) and
 * revocation. Access tokens are opaque (reference)
 * tokens stored with their authorization, so revoking one (or a client) refuses it at once, and
 * each is issued for the /mcp resource only ({@code aud}; a {@code resource} parameter naming
 * anything else is {@code invalid_target}). Registrations, authorizations and consents are the
 * framework's JDBC tables (V020). The issuer is the URL the request came to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class OAuthServerConfig {

    static final Set<String> SCOPES = Set.of(McpCaller.READ, McpCaller.WRITE);

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService oauthAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService oauthConsents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** Every access token names /mcp as its audience; a request for another resource is refused. */
    @Bean
    OAuth2TokenCustomizer<OAuth2TokenClaimsContext> mcpAudience() {
        return context -> {
            String resource = resourceUrl();
            Object asked = context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant
                    ? grant.getAdditionalParameters().get("resource")
                    : null;
            if (asked != null && !resource.equals(asked.toString())) {
                throw new OAuth2AuthenticationException(new OAuth2Error(
                        "invalid_target", "This server issues tokens for " + resource + " only.", null));
            }
            // an ArrayList: the framework stores the claims as JSON with types it allows back, List.of is not one
            context.getClaims().audience(new ArrayList<>(List.of(resource)));
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityFilterChain authorizationServer(
            HttpSecurity http,
            RegisteredClientRepository clients,
            OAuth2TokenCustomizer<OAuth2TokenClaimsContext> audience)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
        accessTokens.setAccessTokenCustomizer(audience);
        // the generators keep the framework's own clock (the system's): it checks expiry and
        // not-before with Instant.now() throughout, so a token dated by another clock would be
        // refused (or accepted) at the wrong times
        Clock framework = Clock.systemUTC();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.tokenGenerator(new DelegatingOAuth2TokenGenerator(
                                accessTokens, OAuthPublicClients.refreshTokens(framework)))
                        .clientAuthentication(authentication -> authentication
                                .authenticationConverter(OAuthPublicClients.converter(
                                        authorizationServerSettings().getTokenRevocationEndpoint()))
                                .authenticationProviders(
                                        providers -> providers.addFirst(OAuthPublicClients.provider(clients))))
                        .authorizationEndpoint(authorization -> authorization.consentPage(ConsentController.PATH))
                        .clientRegistrationEndpoint(registration -> registration
                                .openRegistrationAllowed(true)
                                .authenticationProviders(
                                        providers -> providers.forEach(OAuthServerConfig::mcpClients))))
                // registration is open (any MCP client may register itself, as the MCP spec allows); the rest of
                // the endpoints authenticate the client or, for /oauth2/authorize, the user
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                authorizationServerSettings().getClientRegistrationEndpoint())
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The login form of the flow (Refrain accounts, by e-mail address and password) and the consent page. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 6)
    SecurityFilterChain oauthLogin(HttpSecurity http, OAuthLogin login) throws Exception {
        http.securityMatcher("/login", "/login/**", "/default-ui.css", ConsentController.PATH)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ConsentController.PATH)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .authenticationProvider(login)
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /**
     * What a dynamically registered client gets: the MCP scopes only (both when it asks for none),
     * consent and PKCE required, opaque access tokens for an hour, refresh tokens for 30 days,
     * rotated at each use.
     */
    private static void mcpClients(AuthenticationProvider provider) {
        if (!(provider instanceof OAuth2ClientRegistrationAuthenticationProvider registration)) {
            return;
        }
        // the framework's checks of redirect and key URIs; scopes a client may ask for are the MCP ones
        // (the framework's default refuses any scope in an open registration)
        registration.setAuthenticationValidator(
                OAuth2ClientRegistrationAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR
                        .andThen(OAuth2ClientRegistrationAuthenticationValidator.DEFAULT_JWK_SET_URI_VALIDATOR)
                        .andThen(context -> {
                            OAuth2ClientRegistrationAuthenticationToken request = context.getAuthentication();
                            var asked = request.getClientRegistration().getScopes();
                            if (asked != null && !SCOPES.containsAll(asked)) {
                                throw new OAuth2AuthenticationException(new OAuth2Error(
                                        "invalid_scope", "A client may ask for mcp:read and mcp:write only.", null));
                            }
                        }));
        OAuth2ClientRegistrationRegisteredClientConverter converter =
                new OAuth2ClientRegistrationRegisteredClientConverter();
        converter.setTokenSettingsCustomizer(tokens -> tokens.accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                .accessTokenTimeToLive(Duration.ofHours(1))
                .refreshTokenTimeToLive(Duration.ofDays(30))
                .reuseRefreshTokens(false));
        registration.setRegisteredClientConverter(request -> {
            RegisteredClient client = converter.convert(request);
            return RegisteredClient.from(client)
                    .scopes(scopes -> {
                        scopes.retainAll(SCOPES);
                        if (scopes.isEmpty()) {
                            scopes.addAll(SCOPES);
                        }
                    })
                    .clientSettings(ClientSettings.withSettings(
                                    client.getClientSettings().getSettings())
                            .requireAuthorizationConsent(true)
                            .requireProofKey(true)
                            .build())
                    .build();
        });
    }

    /** The URL of /mcp as the current request reaches this server. */
    static String resourceUrl() {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + McpServerConfig.ENDPOINT)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** The issuer, likewise: the server's own base URL. */
    static String issuerUrl() {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath())
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
