package io.refrain.timers;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether someone holds a timed role now. Read from the database at every check (one
 * primary-key lookup, well under a millisecond), never from a token or a cache: a role that ran
 * out, was paused or was revoked stops authorising at once, on every server.
 */
@Service
public class Roles {

    private final TimerRepository timers;
    private final Clock clock;

    Roles(TimerRepository timers, Clock clock) {
        this.timers = timers;
        this.clock = clock;
    }

    /** Whether the user holds this global role now. */
    @Transactional(readOnly = true)
    public boolean holds(UUID user, Role role) {
        if (role.scoped()) {
            throw new IllegalArgumentException(role.key() + " is held in a scope");
        }
        return timers.authorises(user, role, "", clock.instant());
    }

    /** Whether the user holds this scoped role (a dj) in the scope ({@code party:<id>}) now. */
    @Transactional(readOnly = true)
    public boolean holds(UUID user, Role role, String scope) {
        return timers.authorises(user, role, role.scoped() ? scope : "", clock.instant());
    }

    /** The user's timed roles that still hold (running or paused), by role and scope. */
    @Transactional(readOnly = true)
    public List<RoleTimerView> of(UUID user) {
        var now = clock.instant();
        return timers.live(user, now).stream()
                .map(r -> RoleTimerView.of(r, now))
                .toList();
    }
}
