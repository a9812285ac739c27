package io.refrain.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt (Spring Security's encoder) with a configurable cost. Checking a password for an
 * unknown account still runs one bcrypt comparison against a dummy hash, so response times do
 * not reveal whether an account exists.
 */
@Component
class PasswordHasher {

    /** bcrypt only reads the first 72 bytes; longer passwords are refused rather than truncated. */
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    PasswordHasher(AccountsProperties settings, SecureRandom random) {
        this.encoder = new BCryptPasswordEncoder(settings.passwordHashCost(), random);
        this.dummyHash = encoder.encode("refrain-timing-equaliser");
    }

    static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /** Compares in constant work whether or not there is a stored hash. */
    boolean matches(String password, String storedHashOrNull) {
        if (!fits(password)) {
            encoder.matches("x", dummyHash);
            return false;
        }
        boolean matches = encoder.matches(password, storedHashOrNull != null ? storedHashOrNull : dummyHash);
        return storedHashOrNull != null && matches;
    }
}
