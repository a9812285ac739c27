/**
 * Notifications: what the server tells a user — in the app ({@code GET /api/v1/me/notifications},
 * read and unread), by e-mail (the platform's mailer: the outbox by default), and to the user's
 * own signed webhook if they set one (HMAC-SHA256 signature, retries with backoff, switched off
 * after repeated failures). Other modules send through {@link io.refrain.notifications.Notifications}
 * inside their own transaction, so a notice exists exactly when what it tells about was committed.
 *
 * <p>Settings: {@link io.refrain.notifications.NotificationsProperties} ({@code refrain.notifications.*}).
 *
 * <p>Offered to other modules: {@link io.refrain.notifications.Notifications},
 * {@link io.refrain.notifications.Notice}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.notifications.NotificationsProperties}.
 */
package io.refrain.notifications;
