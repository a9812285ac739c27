package io.refrain.accounts;

import io.refrain.platform.web.ClientAddress;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Checks an e-mail address and password for sign-in pages other than the API's own login (the
 * OAuth authorization server's login form), under the same per-address and per-account limits
 * and with the same constant-time comparison as {@code POST /api/v1/auth/login}.
 */
@Service
public class Credentials {

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final AuthRateLimits limits;

    Credentials(UserRepository users, PasswordHasher passwords, AuthRateLimits limits) {
        this.users = users;
        this.passwords = passwords;
        this.limits = limits;
    }

    /** The verified account these credentials open; empty when they are wrong or the address is unverified. */
    public Optional<UUID> check(String email, String password, ClientAddress client) {
        String normalised = AuthService.normalise(email == null ? "" : email);
        limits.perAddressAndAccount(client, normalised);
        if (password == null || !PasswordHasher.fits(password)) {
            return Optional.empty();
        }
        UserRepository.UserRow user = users.findByEmail(normalised).orElse(null);
        if (!passwords.matches(password, user == null ? null : user.passwordHash()) || !user.verified()) {
            return Optional.empty();
        }
        return Optional.of(user.id());
    }
}
