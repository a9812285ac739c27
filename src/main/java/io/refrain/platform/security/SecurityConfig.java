package io.refrain.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.db.DataDirectory;
import io.refrain.platform.errors.Overload;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/** Tokens: the signing key, access-token issuing and verification (also used outside the web server). */
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
        return new AccessTokens(
                new NimbusJwtEncoder(new ImmutableSecret<>(key.jwtKey())),
                clock,
                properties.security().accessTokenTtl());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKey key, Clock clock, SessionRegistry sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.jwtKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(5));
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps, new JwtClaimValidator<String>("iss", AccessTokens.ISSUER::equals), liveSession(sessions)));
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, 100_000, Duration.ofMinutes(5), clock);
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
                if (Overload.isDatabaseBusy(e)) {
                    // no connection came free: the token may be fine; answer 503 (via /error), not
                    // a 401 that would make the client throw its session away
                    throw e;
                }
                return OAuth2TokenValidatorResult.failure(revoked);
            }
        };
    }
}
