package io.refrain.notifications;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications: read a page, mark read. */
@Service
class NotificationInbox {

    /** A page continues before this notification. */
    record Before(long id) {}

    private static final CursorCodec<Before> CURSOR = CursorCodec.of(Before.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationInbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NotificationPage page(UUID user, boolean unreadOnly, int limit, String cursor) {
        Before before = CURSOR.decode(cursor);
        List<NotificationView> items =
                notifications.page(user, unreadOnly, before == null ? null : before.id(), limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = CURSOR.encode(new Before(items.getLast().id()));
        }
        return new NotificationPage(items, next, notifications.unread(user));
    }

    @Transactional
    void markRead(UUID user, long id) {
        if (!notifications.markRead(user, id, clock.instant())) {
            throw ApiException.notFound("You have no notification " + id + ".");
        }
    }

    @Transactional
    int markAllRead(UUID user) {
        return notifications.markAllRead(user, clock.instant());
    }
}
