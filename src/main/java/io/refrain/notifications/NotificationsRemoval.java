package io.refrain.notifications;

import io.refrain.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's notifications go with it, in the deleting transaction: {@code notifications}
 * has no foreign key to {@code users} (the check would lock the user's row for every notice of a
 * sweep). The webhook and its deliveries go by their keys' cascade.
 */
@Component
class NotificationsRemoval {

    private final NotificationRepository notifications;

    NotificationsRemoval(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void onAccountDeleted(AccountDeleted deleted) {
        notifications.deleteAll(deleted.userId());
    }
}
