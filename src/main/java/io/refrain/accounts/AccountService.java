package io.refrain.accounts;

import io.refrain.platform.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account: profile, settings, deletion. */
@Service
public class AccountService {

    private final UserRepository users;
    private final SettingsRepository settings;
    private final AccountSessionRegistry registry;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            UserRepository users,
            SettingsRepository settings,
            AccountSessionRegistry registry,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.settings = settings;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProfileView profile(UUID userId) {
        var user = users.findById(userId).orElseThrow(() -> ApiException.notFound("The account no longer exists."));
        return new ProfileView(
                user.id(),
                user.email(),
                user.displayName(),
                user.bio(),
                user.avatarUrl(),
                user.verified(),
                users.activeRoles(userId, clock.instant()),
                user.createdAt());
    }

    @Transactional
    public ProfileView updateProfile(UUID userId, UpdateProfileRequest request) {
        String name =
                request.displayName() == null ? null : request.displayName().strip();
        users.updateProfile(userId, name, request.bio(), request.avatarUrl(), clock.instant());
        return profile(userId);
    }

    @Transactional(readOnly = true)
    public Settings settings(UUID userId) {
        return settings.find(userId);
    }

    /** Whether the user asked for explicit tracks to be left out of what is chosen for them (setting {@code explicitContent=block}). */
    @Transactional(readOnly = true)
    public boolean blocksExplicitContent(UUID userId) {
        return "block".equals(settings.find(userId).explicitContent());
    }

    @Transactional
    public Settings replaceSettings(UUID userId, Settings replacement) {
        try {
            ZoneId.of(replacement.timezone());
        } catch (RuntimeException e) {
            throw ApiException.invalidField("timezone", "must be an IANA time zone such as Europe/Berlin");
        }
        settings.save(userId, replacement, clock.instant());
        return settings.find(userId);
    }

    /**
     * The id of an account that owns what Refrain itself publishes (for example the imported
     * dataset playlists), created on first use. Nobody can sign in to it: its password hash is
     * not one any password produces.
     */
    @Transactional
    public UUID systemAccount(String email, String displayName) {
        Instant now = clock.instant();
        return users.findByEmail(email).map(UserRepository.UserRow::id).orElseGet(() -> {
            UUID id = users.insert(email, NO_PASSWORD, displayName, now)
                    .orElseGet(() -> users.findByEmail(email).orElseThrow().id()); // created meanwhile
            users.markVerified(id, now);
            settings.insertDefaults(id, now);
            users.grantRole(id, "user", "admin", now);
            return id;
        });
    }

    /** The id of the account with this e-mail address (case as stored: lower-cased), for admin tools like the CLI. */
    public java.util.Optional<UUID> idByEmail(String email) {
        return users.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
                .map(UserRepository.UserRow::id);
    }

    /** The e-mail address of the account, or empty when it no longer exists (e.g. to show who is signed in). */
    public Optional<String> emailOf(UUID userId) {
        return users.findById(userId).map(UserRepository.UserRow::email);
    }

    /** Whether an account with this id exists (for a module about to refer to it). */
    @Transactional(readOnly = true)
    public boolean exists(UUID userId) {
        return users.findById(userId).isPresent();
    }

    /** The verified e-mail addresses of these accounts, by id (unverified and deleted ones are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> verifiedEmails(java.util.Collection<UUID> userIds) {
        return userIds.isEmpty() ? java.util.Map.of() : users.verifiedEmails(userIds);
    }

    /** Not a bcrypt hash: no password matches it. */
    private static final String NO_PASSWORD = "!system-account";

    /** Deletes the account and, by cascading foreign keys, everything it owns; its tokens stop working. */
    @Transactional
    public void delete(UUID userId) {
        users.delete(userId);
        events.publishEvent(new AccountDeleted(userId));
        SessionService.afterCommit(() -> registry.forgetUser(userId));
    }
}
