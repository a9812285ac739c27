package io.refrain.accounts;

import io.refrain.platform.security.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues and checks 6-digit codes: valid for a limited time, single use, a limited number of
 * wrong tries, and resends throttled. Codes are stored as HMACs bound to user and purpose.
 */
@Component
class OneTimeCodes {

    static final String VERIFY_EMAIL = "verify_email";
    static final String LOGIN = "login";

    enum Check {
        ACCEPTED,
        REJECTED
    }

    private final CodeRepository codes;
    private final SigningKey key;
    private final SecureRandom random;
    private final Clock clock;
    private final AccountsProperties settings;

    OneTimeCodes(CodeRepository codes, SigningKey key, SecureRandom random, Clock clock, AccountsProperties settings) {
        this.codes = codes;
        this.key = key;
        this.random = random;
        this.clock = clock;
        this.settings = settings;
    }

    /** A fresh code, or null when the previous one was issued too recently to send another. */
    String issue(UUID userId, String purpose) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        boolean stored = codes.issue(
                userId,
                purpose,
                hash(userId, purpose, code),
                now,
                now.plus(settings.codeTtl()),
                now.minus(settings.codeResendInterval()));
        return stored ? code : null;
    }

    /**
     * Checks a code inside the caller's transaction. A right code is consumed; a wrong one counts
     * as a failed try, and the last allowed failure destroys the code.
     */
    Check check(UUID userId, String purpose, String code) {
        var row = codes.lock(userId, purpose).orElse(null);
        byte[] given = hash(userId, purpose, code);
        if (row == null) {
            return Check.REJECTED;
        }
        if (!row.expiresAt().isAfter(clock.instant()) || row.attempts() >= settings.codeMaxAttempts()) {
            codes.delete(userId, purpose);
            return Check.REJECTED;
        }
        if (MessageDigest.isEqual(row.codeHash(), given)) {
            codes.delete(userId, purpose);
            return Check.ACCEPTED;
        }
        if (row.attempts() + 1 >= settings.codeMaxAttempts()) {
            codes.delete(userId, purpose);
        } else {
            codes.countFailedAttempt(userId, purpose);
        }
        return Check.REJECTED;
    }

    /** Work equal to a real check, for addresses without an account. */
    void checkNothing(String code) {
        hash(new UUID(0, 0), LOGIN, code);
    }

    private byte[] hash(UUID userId, String purpose, String code) {
        return key.hmac("one-time-code", (userId + ":" + purpose + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
