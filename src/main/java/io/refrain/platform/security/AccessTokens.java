package io.refrain.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Issues short-lived signed access tokens (JWT, HS256). */
public class AccessTokens {

    static final String ISSUER = "refrain";
    static final String SESSION_CLAIM = "sid";
    static final String ROLES_CLAIM = "roles";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, Clock clock, Duration ttl) {
        this.encoder = encoder;
        this.clock = clock;
        this.ttl = ttl;
    }

    public record IssuedAccessToken(String value, Instant expiresAt, long expiresInSeconds) {}

    public IssuedAccessToken issue(UUID userId, UUID sessionId, List<String> roles) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim(ROLES_CLAIM, roles)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedAccessToken(token, expiresAt, ttl.toSeconds());
    }
}
