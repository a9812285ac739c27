package io.refrain.timers;

import io.refrain.accounts.AccountService;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting, extending, pausing, resuming and revoking timed roles, each recorded in the audit
 * trail with who did it. Administrators handle the global roles; a scoped role (a party's dj) is
 * handled by the module that owns the scope, after it checked that the actor runs it. Nobody
 * changes their own roles. Every change locks the timer's row first, so concurrent changes queue
 * up and none is lost (two extends of an hour add two hours).
 */
@Service
public class RoleGrants {

    /** The longest a role may be held, counted from now (also after stacking extensions). */
    static final Duration MAX_HOLD = Duration.ofDays(3653);

    private final TimerRepository timers;
    private final EventRepository events;
    private final AccountService accounts;
    private final TimersProperties settings;
    private final Clock clock;

    RoleGrants(
            TimerRepository timers,
            EventRepository events,
            AccountService accounts,
            TimersProperties settings,
            Clock clock) {
        this.timers = timers;
        this.events = events;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** An administrator grants a global role; granting one that is held extends it by as much. */
    @Transactional
    RoleTimerView grant(AuthenticatedUser admin, UUID user, GrantRoleRequest request) {
        requireAdmin(admin, user);
        Role role = globalRole(request.role());
        Instant now = clock.instant();
        return grant(admin.id(), user, role, "", holdFor(request, now), now);
    }

    @Transactional
    RoleTimerView extend(AuthenticatedUser admin, UUID user, String role, ExtendRoleRequest request) {
        requireAdmin(admin, user);
        if (request == null || request.seconds() == null) {
            throw ApiException.invalidField("seconds", "is required");
        }
        Duration by = bounded("seconds", request.seconds());
        return change(admin.id(), user, globalRole(role), "", "extend", (t) -> t.extend(by, clock.instant()));
    }

    @Transactional
    RoleTimerView pause(AuthenticatedUser admin, UUID user, String role) {
        requireAdmin(admin, user);
        return change(admin.id(), user, globalRole(role), "", "pause", t -> {
            if (t.paused()) {
                throw ApiException.conflict("already-paused", "This " + role + " role is paused already.");
            }
            return t.pause(clock.instant());
        });
    }

    @Transactional
    RoleTimerView resume(AuthenticatedUser admin, UUID user, String role) {
        requireAdmin(admin, user);
        return change(admin.id(), user, globalRole(role), "", "resume", t -> {
            if (!t.paused()) {
                throw ApiException.conflict("not-paused", "This " + role + " role is running, not paused.");
            }
            return t.resume(clock.instant());
        });
    }

    @Transactional
    void revoke(AuthenticatedUser admin, UUID user, String role) {
        requireAdmin(admin, user);
        revoke(admin.id(), user, globalRole(role), "");
    }

    /**
     * Grants a scoped role for the module that owns the scope (the parties module grants a dj in
     * {@code party:<id>}), once it has checked that {@code actor} may. Extends one that is held.
     */
    @Transactional
    public RoleTimerView grantInScope(UUID actor, UUID user, Role role, String scope, Duration duration) {
        if (!role.scoped() || scope == null || scope.isEmpty() || scope.length() > 100) {
            throw new IllegalArgumentException("a scoped role needs a scope of 1 to 100 characters");
        }
        requireNotSelf(actor, user);
        requireUser(user);
        return grant(actor, user, role, scope, bounded("durationSeconds", duration.toSeconds()), clock.instant());
    }

    /** Ends a scoped role now, for the module that owns the scope; false when it was not held. */
    @Transactional
    public boolean revokeInScope(UUID actor, UUID user, Role role, String scope) {
        try {
            revoke(actor, user, role, scope);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private RoleTimerView grant(UUID actor, UUID user, Role role, String scope, Duration duration, Instant now) {
        Long[] offsets = settings.warningSeconds();
        while (true) {
            var existing = timers.lock(user, role, scope);
            if (existing.isEmpty()) {
                var row = new TimerRepository.Row(
                        user, role.key(), scope, Timer.running(now.plus(duration)), now, actor, now);
                if (timers.insert(row, offsets, now)) {
                    events.record(user, role.key(), scope, "grant", actor, row.timer(), now);
                    return RoleTimerView.of(row, now);
                }
                continue; // granted by someone else meanwhile: lock that one and extend it
            }
            TimerRepository.Row row = existing.get();
            if (!row.timer().live(now)) {
                // ran out and not yet swept: its expiry goes on record, and this is a fresh grant
                events.record(user, role.key(), scope, "expire", null, null, now);
                row = new TimerRepository.Row(user, role.key(), scope, Timer.running(now), now, actor, now);
            }
            Timer extended = row.timer().extend(duration, now);
            requireWithinMaximum(extended, now);
            var updated =
                    new TimerRepository.Row(user, role.key(), scope, extended, row.grantedAt(), row.grantedBy(), now);
            timers.update(updated, offsets, now);
            events.record(user, role.key(), scope, "grant", actor, extended, now);
            return RoleTimerView.of(updated, now);
        }
    }

    private RoleTimerView change(
            UUID actor, UUID user, Role role, String scope, String action, Function<Timer, Timer> how) {
        Instant now = clock.instant();
        TimerRepository.Row row = held(user, role, scope, now);
        Timer changed = how.apply(row.timer());
        requireWithinMaximum(changed, now);
        var updated = new TimerRepository.Row(user, role.key(), scope, changed, row.grantedAt(), row.grantedBy(), now);
        timers.update(updated, settings.warningSeconds(), now);
        events.record(user, role.key(), scope, action, actor, changed, now);
        return RoleTimerView.of(updated, now);
    }

    private void revoke(UUID actor, UUID user, Role role, String scope) {
        Instant now = clock.instant();
        held(user, role, scope, now);
        timers.delete(user, role.key(), scope);
        events.record(user, role.key(), scope, "revoke", actor, null, now);
    }

    private TimerRepository.Row held(UUID user, Role role, String scope, Instant now) {
        return timers.lock(user, role, scope)
                .filter(r -> r.timer().live(now))
                .orElseThrow(() -> ApiException.notFound("User " + user + " holds no " + role.key() + " role."));
    }

    private void requireAdmin(AuthenticatedUser admin, UUID user) {
        if (!admin.isAdmin()) {
            throw ApiException.forbidden(ProblemTypes.FORBIDDEN, "Only administrators grant and change roles.");
        }
        requireNotSelf(admin.id(), user);
        requireUser(user);
    }

    private static void requireNotSelf(UUID actor, UUID user) {
        if (actor.equals(user)) {
            throw ApiException.forbidden(ProblemTypes.FORBIDDEN, "Nobody grants or changes their own roles.");
        }
    }

    private void requireUser(UUID user) {
        if (!accounts.exists(user)) {
            throw ApiException.notFound("There is no user " + user + ".");
        }
    }

    private static Role globalRole(String key) {
        Role role = Role.parse(key == null ? "" : key)
                .orElseThrow(() -> ApiException.invalidField(
                        "role", "must be one of curator, moderator, supporter (not " + key + ")"));
        if (role.scoped()) {
            throw ApiException.invalidField(
                    "role", role.key() + " is held in one party and granted there by its host, not here");
        }
        return role;
    }

    private static Duration holdFor(GrantRoleRequest request, Instant now) {
        if ((request.durationSeconds() == null) == (request.endsAt() == null)) {
            throw ApiException.invalidField("durationSeconds", "give exactly one of durationSeconds and endsAt");
        }
        if (request.endsAt() != null) {
            if (!request.endsAt().isAfter(now)) {
                throw ApiException.invalidField("endsAt", "must be in the future");
            }
            if (request.endsAt().isAfter(now.plus(MAX_HOLD))) {
                throw ApiException.invalidField("endsAt", "must be at most 10 years ahead");
            }
            return Duration.between(now, request.endsAt());
        }
        return bounded("durationSeconds", request.durationSeconds());
    }

    private static Duration bounded(String field, long seconds) {
        if (seconds < 1 || seconds > MAX_HOLD.toSeconds()) {
            throw ApiException.invalidField(
                    field, "must be between 1 second and 10 years (" + MAX_HOLD.toSeconds() + ")");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void requireWithinMaximum(Timer timer, Instant now) {
        if (timer.left(now).compareTo(MAX_HOLD) > 0) {
            throw ApiException.invalidField("seconds", "the role would then be held for more than 10 years");
        }
    }
}
