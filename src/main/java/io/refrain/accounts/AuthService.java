package io.refrain.accounts;

import io.refrain.accounts.UserRepository.UserRow;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.ClientAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up, verification, password and passwordless login. Answers never reveal whether an
 * address has an account: sign-up and code requests always say "code sent", failed logins and
 * codes always give the same problem, and the work done is the same either way.
 */
@Service
class AuthService {

    static final String INVALID_CODE = "invalid-code";
    static final String INVALID_CREDENTIALS = "invalid-credentials";
    static final String EMAIL_NOT_VERIFIED = "email-not-verified";

    private final UserRepository users;
    private final SettingsRepository settings;
    private final PasswordHasher passwords;
    private final OneTimeCodes codes;
    private final AuthMails mails;
    private final AuthRateLimits limits;
    private final SessionService sessions;
    private final Clock clock;

    AuthService(
            UserRepository users,
            SettingsRepository settings,
            PasswordHasher passwords,
            OneTimeCodes codes,
            AuthMails mails,
            AuthRateLimits limits,
            SessionService sessions,
            Clock clock) {
        this.users = users;
        this.settings = settings;
        this.passwords = passwords;
        this.codes = codes;
        this.mails = mails;
        this.limits = limits;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Creates an unverified account and mails a verification code. For an address that already
     * has an account nothing is changed: an unverified one gets its code again (throttled), a
     * verified one gets a notice, so its owner learns that someone tried.
     */
    @Transactional
    public AcceptedResponse signup(SignupRequest request, ClientAddress client) {
        limits.perAddress(client);
        String email = normalise(request.email());
        requireHashable(request.password());
        String hash = passwords.hash(request.password()); // always, so timing does not depend on the outcome
        Instant now = clock.instant();
        var created = users.insert(email, hash, request.displayName().strip(), now);
        if (created.isPresent()) {
            UUID id = created.get();
            settings.insertDefaults(id, now);
            users.grantRole(id, "user", "signup", now);
            sendCode(id, email, OneTimeCodes.VERIFY_EMAIL);
        } else {
            users.findByEmail(email).ifPresent(existing -> {
                if (existing.verified()) {
                    mails.alreadyRegistered(existing.email());
                } else {
                    sendCode(existing.id(), existing.email(), OneTimeCodes.VERIFY_EMAIL);
                }
            });
        }
        return AcceptedResponse.codeSent();
    }

    @Transactional(noRollbackFor = ApiException.class) // a failed try must be counted
    public TokenResponse verify(CodeRequest request, ClientAddress client) {
        String email = normalise(request.email());
        limits.perAddressAndAccount(client, email);
        UserRow user = consumeCode(email, OneTimeCodes.VERIFY_EMAIL, request.code());
        users.markVerified(user.id(), clock.instant());
        return sessions.open(user.id(), user.email());
    }

    @Transactional(noRollbackFor = ApiException.class) // the new code for an unverified account must be kept
    public TokenResponse login(LoginRequest request, ClientAddress client) {
        String email = normalise(request.email());
        limits.perAddressAndAccount(client, email);
        UserRow user = users.findByEmail(email).orElse(null);
        if (!passwords.matches(request.password(), user == null ? null : user.passwordHash())) {
            throw ApiException.unauthorized(INVALID_CREDENTIALS, "The e-mail address or the password is wrong.");
        }
        if (!user.verified()) {
            sendCode(user.id(), user.email(), OneTimeCodes.VERIFY_EMAIL);
            throw ApiException.forbidden(
                    EMAIL_NOT_VERIFIED,
                    "Verify your e-mail address first: " + "a code was sent to it (POST /api/v1/auth/verify).");
        }
        return sessions.open(user.id(), user.email());
    }

    /** Mails a passwordless login code if the address has an account; the answer is the same either way. */
    @Transactional
    public AcceptedResponse requestLoginCode(EmailRequest request, ClientAddress client) {
        String email = normalise(request.email());
        limits.perAddressAndAccount(client, email);
        users.findByEmail(email).ifPresent(user -> sendCode(user.id(), user.email(), OneTimeCodes.LOGIN));
        return AcceptedResponse.codeSent();
    }

    /** Logs in with a mailed code; this also proves the address, so it verifies the account. */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse loginWithCode(CodeRequest request, ClientAddress client) {
        String email = normalise(request.email());
        limits.perAddressAndAccount(client, email);
        UserRow user = consumeCode(email, OneTimeCodes.LOGIN, request.code());
        users.markVerified(user.id(), clock.instant());
        return sessions.open(user.id(), user.email());
    }

    private UserRow consumeCode(String email, String purpose, String code) {
        UserRow user = users.findByEmail(email).orElse(null);
        if (user == null) {
            codes.checkNothing(code);
        } else if (codes.check(user.id(), purpose, code) == OneTimeCodes.Check.ACCEPTED) {
            return user;
        }
        throw ApiException.badRequest(INVALID_CODE, "The code is wrong, used or expired. Request a new one.");
    }

    private void sendCode(UUID userId, String email, String purpose) {
        String code = codes.issue(userId, purpose);
        if (code != null) {
            mails.code(email, purpose, code);
        }
    }

    private static void requireHashable(String password) {
        if (!PasswordHasher.fits(password)) {
            throw ApiException.invalidField(
                    "password", "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
        }
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
