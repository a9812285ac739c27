package io.refrain.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Login sessions (refresh-token families) and their refresh tokens, stored as SHA-256 hashes. */
@Repository
class SessionRepository {

    record TokenRow(UUID sessionId, Instant expiresAt, Instant rotatedAt) {}

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createSession(UUID userId, UUID sessionId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into auth_sessions (user_id, id, created_at, last_refreshed_at, expires_at)
                        values (:user, :id, :now, :now, :expires)""")
                .param("user", userId)
                .param("id", sessionId)
                .param("now", UserRepository.ts(now))
                .param("expires", UserRepository.ts(expiresAt))
                .update();
    }

    void insertToken(UUID userId, byte[] hash, UUID sessionId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_tokens (user_id, token_hash, session_id, issued_at, expires_at)
                        values (:user, :hash, :session, :now, :expires)""")
                .param("user", userId)
                .param("hash", hash)
                .param("session", sessionId)
                .param("now", UserRepository.ts(now))
                .param("expires", UserRepository.ts(expiresAt))
                .update();
    }

    /**
     * Marks a live, unexpired, never-used token of a live session as rotated, in one statement so
     * two concurrent refreshes cannot both succeed. Returns its session, or empty.
     */
    Optional<UUID> rotate(UUID userId, byte[] hash, Instant now) {
        return jdbc.sql("""
                        update refresh_tokens t set rotated_at = :now
                        from auth_sessions s
                        where t.user_id = :user and t.token_hash = :hash
                          and t.rotated_at is null and t.expires_at > :now
                          and s.user_id = t.user_id and s.id = t.session_id and s.revoked_at is null
                        returning t.session_id""")
                .param("user", userId)
                .param("hash", hash)
                .param("now", UserRepository.ts(now))
                .query(UUID.class)
                .optional();
    }

    Optional<TokenRow> findToken(UUID userId, byte[] hash) {
        return jdbc.sql("""
                        select session_id, expires_at, rotated_at from refresh_tokens
                        where user_id = :user and token_hash = :hash""")
                .param("user", userId)
                .param("hash", hash)
                .query(TokenRow.class)
                .optional();
    }

    void extendSession(UUID userId, UUID sessionId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        update auth_sessions set last_refreshed_at = :now, expires_at = :expires
                        where user_id = :user and id = :id""")
                .param("user", userId)
                .param("id", sessionId)
                .param("now", UserRepository.ts(now))
                .param("expires", UserRepository.ts(expiresAt))
                .update();
    }

    /** Revokes a session (and with it every refresh token of its family). Idempotent. */
    void revoke(UUID userId, UUID sessionId, String reason, Instant now) {
        jdbc.sql("""
                        update auth_sessions set revoked_at = :now, revoke_reason = :reason
                        where user_id = :user and id = :id and revoked_at is null""")
                .param("user", userId)
                .param("id", sessionId)
                .param("reason", reason)
                .param("now", UserRepository.ts(now))
                .update();
    }

    boolean isActive(UUID userId, UUID sessionId) {
        return jdbc.sql("select revoked_at is null from auth_sessions where user_id = :user and id = :id")
                .param("user", userId)
                .param("id", sessionId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Deletes sessions (with their tokens) that expired or were revoked before {@code before}. */
    int deleteEnded(Instant before, int batch) {
        return jdbc.sql("""
                        delete from auth_sessions where ctid = any(array(
                            select ctid from auth_sessions
                            where expires_at < :before or revoked_at < :before limit :batch))""")
                .param("before", UserRepository.ts(before))
                .param("batch", batch)
                .update();
    }
}
