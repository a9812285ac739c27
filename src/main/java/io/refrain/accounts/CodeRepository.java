package io.refrain.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time codes, stored as HMACs, at most one per user and purpose. */
@Repository
class CodeRepository {

    record CodeRow(byte[] codeHash, Instant expiresAt, int attempts) {}

    private final JdbcClient jdbc;

    CodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new code, replacing the previous one unless that was issued after
     * {@code resendBefore} (resend throttle). Returns whether the new code was stored.
     */
    boolean issue(UUID userId, String purpose, byte[] hash, Instant now, Instant expiresAt, Instant resendBefore) {
        return jdbc.sql("""
                        insert into one_time_codes as c (user_id, purpose, code_hash, created_at, expires_at, attempts)
                        values (:user, :purpose, :hash, :now, :expires, 0)
                        on conflict (user_id, purpose) do update
                            set code_hash = excluded.code_hash, created_at = excluded.created_at,
                                expires_at = excluded.expires_at, attempts = 0
                            where c.created_at <= :resendBefore""")
                        .param("user", userId)
                        .param("purpose", purpose)
                        .param("hash", hash)
                        .param("now", UserRepository.ts(now))
                        .param("expires", UserRepository.ts(expiresAt))
                        .param("resendBefore", UserRepository.ts(resendBefore))
                        .update()
                == 1;
    }

    /** Locks the code row for the rest of the transaction, so concurrent guesses are counted one by one. */
    Optional<CodeRow> lock(UUID userId, String purpose) {
        return jdbc.sql("""
                        select code_hash, expires_at, attempts from one_time_codes
                        where user_id = :user and purpose = :purpose for update""")
                .param("user", userId)
                .param("purpose", purpose)
                .query(CodeRow.class)
                .optional();
    }

    void delete(UUID userId, String purpose) {
        jdbc.sql("delete from one_time_codes where user_id = :user and purpose = :purpose")
                .param("user", userId)
                .param("purpose", purpose)
                .update();
    }

    void countFailedAttempt(UUID userId, String purpose) {
        jdbc.sql("update one_time_codes set attempts = attempts + 1 where user_id = :user and purpose = :purpose")
                .param("user", userId)
                .param("purpose", purpose)
                .update();
    }

    int deleteExpired(Instant now, int batch) {
        return jdbc.sql("""
                        delete from one_time_codes where ctid = any(array(
                            select ctid from one_time_codes where expires_at < :now limit :batch))""")
                .param("now", UserRepository.ts(now))
                .param("batch", batch)
                .update();
    }
}
