package io.refrain.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.support.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean sessionLive = new AtomicBoolean(true);
    private final OAuth2TokenValidator<Jwt> validator = jwt -> sessionLive.get()
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "The session of this token has ended.", null));
    private final JwtDecoder verifying = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt(token));
        if (result.hasErrors()) {
            throw new JwtValidationException("The session of this token has ended.", result.getErrors());
        }
        return jwt(token);
    };
    private final MutableClock clock = new MutableClock();
    private final VerifiedTokenCache cache =
            new VerifiedTokenCache(verifying, validator, 10, Duration.ofMinutes(5), clock);

    @Test
    void aRememberedTokenIsForgottenWhenItsTimeOnTheInjectedClockIsUp() {
        cache.decode("good-1");
        clock.advance(Duration.ofMinutes(4));
        cache.decode("good-1");
        assertThat(verifications).as("still remembered after 4 minutes").hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        cache.decode("good-1");
        assertThat(verifications).as("verified again after 6 minutes").hasValue(2);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainButItsValidatorsRunEveryTime() {
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("user");
        assertThat(cache.decode("good-1").getSubject()).isEqualTo("user");
        assertThat(verifications).hasValue(1);

        sessionLive.set(false); // logged out: the remembered token must stop working at once
        assertThatThrownBy(() -> cache.decode("good-1"))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("session of this token has ended");
        assertThatThrownBy(() -> cache.decode("good-1")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2); // forgotten after failing: verified from scratch again
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("user").build();
    }
}
