package io.refrain.history.listenbrainz;

import io.refrain.accounts.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Who calls the ListenBrainz API: the owner of an {@code Authorization: Token <token>}, as ListenBrainz does it. */
@Component
class ListenBrainzAuth {

    private final ApiTokens tokens;

    ListenBrainzAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The user of the token in the Authorization header, or a 401 with ListenBrainz's messages. */
    UUID require(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw ListenBrainzError.unauthorized("You need to provide an Authorization header.");
        }
        String token = presentedToken(request);
        if (token == null) {
            throw ListenBrainzError.unauthorized("Provided Authorization header is invalid.");
        }
        return tokens.authenticate(token)
                .orElseThrow(() -> ListenBrainzError.unauthorized("Invalid authorization token."));
    }

    Optional<UUID> owner(String token) {
        return tokens.authenticate(token);
    }

    /**
     * The reader of private data: a token's owner, or the user of a Refrain session (a bearer
     * access token, already verified by the security filters), so Refrain's own clients can read too.
     */
    UUID reader(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return UUID.fromString(jwt.getSubject());
        }
        return require(request);
    }

    /** The token of an {@code Authorization: Token <token>} header, or null. */
    static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Token") && !parts[1].isBlank() ? parts[1].strip() : null;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
