package io.refrain.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.db.DataDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security: {@code /api/v1/auth/**} is open, the rest of {@code /api/v1}
 * needs a valid access token whose session is still live. Everything else (docs, health,
 * metrics, unknown paths that should answer 404) is open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SigningKey signingKey(RefrainProperties properties, DataDirectory dataDirectory) {
        return SigningKey.load(properties, dataDirectory);
    }

    /** The source of randomness for secrets (codes, refresh tokens); tests may replace it. */
    @Bean
    java.security.SecureRandom secureRandom() {
        return new java.security.SecureRandom();
    }

    @Bean
    AccessTokens accessTokens(SigningKey key, Clock clock, RefrainProperties properties) {
        return new AccessTokens(new NimbusJwtEncoder(new ImmutableSecret<>(key.jwtKey())), clock,
                properties.auth().accessTokenTtl());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKey key, Clock clock, SessionRegistry sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.jwtKey()).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(5));
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtClaimValidator<String>("iss", AccessTokens.ISSUER::equals),
                liveSession(sessions))));
        return decoder;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        .requestMatchers("/api/v1/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    private static OAuth2TokenValidator<Jwt> liveSession(SessionRegistry sessions) {
        OAuth2Error revoked = new OAuth2Error("invalid_token", "The session of this token has ended.", null);
        return jwt -> {
            try {
                var user = java.util.UUID.fromString(jwt.getSubject());
                var session = java.util.UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
                return sessions.isActive(user, session)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(revoked);
            } catch (RuntimeException e) {
                return OAuth2TokenValidatorResult.failure(revoked);
            }
        };
    }

    private static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
            Collection<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
