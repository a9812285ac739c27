package io.refrain.assistant;

import io.refrain.platform.security.BearerOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the MCP endpoint, as the MCP authorization spec has it: /mcp is an OAuth protected
 * resource. Without a token it answers 401 with {@code WWW-Authenticate: Bearer
 * resource_metadata="…/.well-known/oauth-protected-resource/mcp"}; that document (RFC 9728) names
 * the scopes. A token without an {@code mcp:*} scope is 403 {@code insufficient_scope}, and so is a
 * write tool called with a token that has only {@code mcp:read} ({@link WriteScopeFilter}).
 * Ordered before the API's chain, which would take any bearer token for a JWT.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class McpSecurityConfig {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain mcpSecurity(
            HttpSecurity http, AssistantTokenIntrospector introspector, AssistantTools tools, JsonMapper json)
            throws Exception {
        BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
        entryPoint.setResourceMetadataParameterResolver(McpSecurityConfig::metadataUrl);
        BearerOnly.apply(http.securityMatcher("/mcp", "/mcp/**", METADATA_PATH, METADATA_PATH + "/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(METADATA_PATH, METADATA_PATH + "/**")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority("SCOPE_" + McpCaller.READ, "SCOPE_" + McpCaller.WRITE))
                .oauth2ResourceServer(oauth -> oauth.opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new BearerTokenAccessDeniedHandler())
                        .protectedResourceMetadata(metadata ->
                                metadata.protectedResourceMetadataCustomizer(builder -> builder.resourceName("Refrain")
                                        .authorizationServer(OAuthServerConfig.issuerUrl())
                                        .scope(McpCaller.READ)
                                        .scope(McpCaller.WRITE))))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new BearerTokenAccessDeniedHandler()))
                .addFilterAfter(new WriteScopeFilter(tools.writeTools(), json), AuthorizationFilter.class);
        return http.build();
    }

    /** The metadata of the /mcp resource: the path of the resource appended, as RFC 9728 has it. */
    static String metadataUrl(jakarta.servlet.http.HttpServletRequest request) {
        return UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + METADATA_PATH + "/mcp")
                .replaceQuery(null)
                .build()
                .toUriString();
    }
}
