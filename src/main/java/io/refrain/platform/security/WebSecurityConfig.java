package io.refrain.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: {@code /api/v1/auth/**} is open, the rest of {@code /api/v1}
 * needs a valid access token whose session is still live. {@code /1/**} (the ListenBrainz API)
 * is open here and checks its own API tokens. Everything else (docs, health,
 * metrics, unknown paths that should answer 404) is open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
        BearerOnly.apply(http)
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        // the ListenBrainz-compatible API authenticates by its own `Authorization: Token`
                        // (checked by its controller), never by a bearer JWT
                        .requestMatchers("/1/**")
                        .permitAll()
                        .requestMatchers("/api/v1/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                                .authenticationEntryPoint(handlers)
                                .accessDeniedHandler(handlers))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    private static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles)
                    .stream()
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                            .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
