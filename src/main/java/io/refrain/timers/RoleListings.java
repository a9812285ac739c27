package io.refrain.timers;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators read about timed roles: all timers with filters, one user's audit trail. */
@Service
class RoleListings {

    /** A page of events continues before this one. */
    record EventsBefore(long id) {}

    private static final CursorCodec<TimerRepository.After> TIMERS = CursorCodec.of(TimerRepository.After.class);
    private static final CursorCodec<EventsBefore> EVENTS = CursorCodec.of(EventsBefore.class);

    private final TimerRepository timers;
    private final EventRepository events;
    private final Clock clock;

    RoleListings(TimerRepository timers, EventRepository events, Clock clock) {
        this.timers = timers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<RoleTimerView> timers(
            AuthenticatedUser admin, String role, Instant endingBefore, Boolean paused, int limit, String cursor) {
        requireAdmin(admin);
        if (role != null && Role.parse(role).isEmpty()) {
            throw ApiException.invalidField("role", "must be one of curator, moderator, supporter, dj");
        }
        Instant now = clock.instant();
        List<TimerRepository.Row> rows = timers.page(role, endingBefore, paused, TIMERS.decode(cursor), now, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            var last = rows.getLast();
            next = TIMERS.encode(new TimerRepository.After(last.userId(), last.role(), last.scope()));
        }
        return new Page<>(rows.stream().map(r -> RoleTimerView.of(r, now)).toList(), next);
    }

    @Transactional(readOnly = true)
    List<RoleTimerView> ofUser(AuthenticatedUser admin, UUID user) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return timers.live(user, now).stream()
                .map(r -> RoleTimerView.of(r, now))
                .toList();
    }

    @Transactional(readOnly = true)
    Page<RoleEventView> events(AuthenticatedUser admin, UUID user, int limit, String cursor) {
        requireAdmin(admin);
        EventsBefore before = EVENTS.decode(cursor);
        List<RoleEventView> items = events.page(user, before == null ? null : before.id(), limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = EVENTS.encode(new EventsBefore(items.getLast().id()));
        }
        return new Page<>(items, next);
    }

    private static void requireAdmin(AuthenticatedUser admin) {
        if (!admin.isAdmin()) {
            throw ApiException.forbidden(ProblemTypes.FORBIDDEN, "Only administrators read everyone's roles.");
        }
    }
}
