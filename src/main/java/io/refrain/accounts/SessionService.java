package io.refrain.accounts;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.security.AccessTokens;
import io.refrain.platform.web.ClientAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Login sessions: opening one (access + refresh token), rotating the refresh token, detecting
 * reuse of a rotated token (which revokes the whole session), and logout.
 */
@Service
class SessionService {

    static final String INVALID_REFRESH_TOKEN = "invalid-refresh-token";
    static final String REFRESH_TOKEN_REUSED = "refresh-token-reused";

    private final SessionRepository sessions;
    private final UserRepository users;
    private final AccessTokens accessTokens;
    private final AccountSessionRegistry registry;
    private final AuthRateLimits limits;
    private final SecureRandom random;
    private final Clock clock;
    private final AccountsProperties settings;

    SessionService(
            SessionRepository sessions,
            UserRepository users,
            AccessTokens accessTokens,
            AccountSessionRegistry registry,
            AuthRateLimits limits,
            SecureRandom random,
            Clock clock,
            AccountsProperties settings) {
        this.sessions = sessions;
        this.users = users;
        this.accessTokens = accessTokens;
        this.registry = registry;
        this.limits = limits;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** Opens a new session for a user who just proved who they are. Runs in the caller's transaction. */
    TokenResponse open(UUID userId, String email) {
        Instant now = clock.instant();
        UUID sessionId = UUID.randomUUID();
        Instant expiresAt = now.plus(settings.refreshTokenTtl());
        sessions.createSession(userId, sessionId, now, expiresAt);
        return tokens(userId, email, sessionId, now, expiresAt);
    }

    /**
     * Exchanges a refresh token for a new pair. A token that was already rotated is evidence of
     * theft (or a client bug): the whole session is revoked and every token of it stops working.
     */
    @Transactional(noRollbackFor = ApiException.class) // the revocation must survive the 401
    public TokenResponse refresh(RefreshRequest request, ClientAddress client) {
        limits.perAddress(client);
        var decoded = RefreshTokenCodec.decode(request.refreshToken()).orElseThrow(SessionService::invalid);
        Instant now = clock.instant();
        var rotated = sessions.rotate(decoded.userId(), decoded.hash(), now);
        if (rotated.isEmpty()) {
            var known = sessions.findToken(decoded.userId(), decoded.hash());
            if (known.isPresent() && known.get().rotatedAt() != null) {
                revoke(decoded.userId(), known.get().sessionId(), "reuse", now);
                throw ApiException.unauthorized(
                        REFRESH_TOKEN_REUSED,
                        "This refresh token was already used. "
                                + "For safety its session has been ended; log in again.");
            }
            throw invalid();
        }
        UUID sessionId = rotated.get();
        Instant expiresAt = now.plus(settings.refreshTokenTtl());
        sessions.extendSession(decoded.userId(), sessionId, now, expiresAt);
        String email = users.findById(decoded.userId())
                .orElseThrow(SessionService::invalid)
                .email();
        return tokens(decoded.userId(), email, sessionId, now, expiresAt);
    }

    /** Ends the session of a refresh token. Unknown or already-ended tokens are not an error. */
    @Transactional
    public void logout(RefreshRequest request) {
        var decoded = RefreshTokenCodec.decode(request.refreshToken()).orElse(null);
        if (decoded != null) {
            sessions.findToken(decoded.userId(), decoded.hash())
                    .ifPresent(token -> revoke(decoded.userId(), token.sessionId(), "logout", clock.instant()));
        }
    }

    /** Ends the session an access token belongs to. */
    @Transactional
    public void logout(UUID userId, UUID sessionId) {
        revoke(userId, sessionId, "logout", clock.instant());
    }

    private void revoke(UUID userId, UUID sessionId, String reason, Instant now) {
        sessions.revoke(userId, sessionId, reason, now);
        afterCommit(() -> registry.forget(userId, sessionId));
    }

    private TokenResponse tokens(UUID userId, String email, UUID sessionId, Instant now, Instant refreshExpiresAt) {
        List<String> roles = syncRoles(userId, email, now);
        String refreshToken = RefreshTokenCodec.newToken(userId, random);
        sessions.insertToken(userId, RefreshTokenCodec.hash(refreshToken), sessionId, now, refreshExpiresAt);
        var access = accessTokens.issue(userId, sessionId, roles);
        return new TokenResponse(
                access.value(),
                "Bearer",
                access.expiresInSeconds(),
                refreshToken,
                settings.refreshTokenTtl().toSeconds(),
                userId,
                roles);
    }

    /** REFRAIN_ADMIN_EMAILS is applied whenever tokens are issued, so changes take effect at the next refresh. */
    private List<String> syncRoles(UUID userId, String email, Instant now) {
        if (settings.adminEmailList().contains(email.toLowerCase(java.util.Locale.ROOT))) {
            users.grantRole(userId, "admin", "config", now);
        } else {
            users.revokeConfigGrantedRole(userId, "admin");
        }
        return users.activeRoles(userId, now);
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static ApiException invalid() {
        return ApiException.unauthorized(INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked.");
    }
}
