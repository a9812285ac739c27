package io.refrain.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users' webhooks and the deliveries to them. SQL only. */
@Repository
class WebhookRepository {

    /** A user's webhook as they see it (never the secret). */
    record Webhook(String url, Instant createdAt, int consecutiveFailures, Instant disabledAt, String lastError) {}

    /** A delivery claimed for sending: where, with which secret, what. */
    record Claimed(
            long notificationId,
            UUID userId,
            int attempt,
            String url,
            String secret,
            String kind,
            String title,
            String body,
            String data,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Webhook> find(UUID user) {
        return jdbc.sql("""
                        select url, created_at, consecutive_failures, disabled_at, last_error
                        from notification_webhooks where user_id = :user""").param("user", user).query(Webhook.class).optional();
    }

    /** Sets (or replaces) the user's webhook: a new secret, a clean record, switched on. */
    void save(UUID user, String url, String secret, Instant now) {
        jdbc.sql("""
                        insert into notification_webhooks (user_id, url, secret, created_at)
                        values (:user, :url, :secret, :now)
                        on conflict (user_id) do update set url = excluded.url, secret = excluded.secret,
                            created_at = excluded.created_at, consecutive_failures = 0, disabled_at = null,
                            last_error = null""")
                .param("user", user)
                .param("url", url)
                .param("secret", secret)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Removes the webhook and what was still to be sent to it; false when there was none. */
    boolean delete(UUID user) {
        jdbc.sql("delete from webhook_deliveries where user_id = :user and delivered_at is null")
                .param("user", user)
                .update();
        return jdbc.sql("delete from notification_webhooks where user_id = :user")
                        .param("user", user)
                        .update()
                == 1;
    }

    /** A delivery for each of these notifications whose user has a webhook switched on. */
    void queueDeliveries(List<Long> notificationIds, Instant now) {
        jdbc.sql("""
                        insert into webhook_deliveries (notification_id, user_id, next_attempt_at)
                        select n.id, n.user_id, :now from notifications n
                        join notification_webhooks w on w.user_id = n.user_id and w.disabled_at is null
                        where n.id = any(:ids)""")
                .param("ids", notificationIds.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code batch} due deliveries: counts the attempt and moves the next one to the
     * lease's end, so another server skips them while this one sends (and picks them up again if
     * this one dies).
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int batch) {
        return jdbc.sql("""
                        with due as (
                            select notification_id from webhook_deliveries
                            where next_attempt_at <= :now
                            order by next_attempt_at limit :batch
                            for update skip locked),
                        claimed as (
                            update webhook_deliveries d set next_attempt_at = :lease, attempts = d.attempts + 1
                            from due where d.notification_id = due.notification_id
                            returning d.notification_id, d.user_id, d.attempts)
                        select c.notification_id, c.user_id, c.attempts as attempt, w.url, w.secret,
                               n.kind, n.title, n.body, n.data::text as data, n.created_at
                        from claimed c
                        join notification_webhooks w on w.user_id = c.user_id
                        join notifications n on n.id = c.notification_id
                        order by c.notification_id""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("batch", batch)
                .query(Claimed.class)
                .list();
    }

    void delivered(long notificationId, UUID user, int status, Instant now) {
        jdbc.sql("""
                        update webhook_deliveries set delivered_at = :now, next_attempt_at = null, last_status = :status,
                            last_error = null
                        where notification_id = :id""")
                .param("id", notificationId)
                .param("status", status)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update notification_webhooks set consecutive_failures = 0, last_error = null where user_id = :user")
                .param("user", user)
                .update();
    }

    /**
     * Records a failed attempt: the delivery tries again at {@code retryAt} (null: given up), the
     * webhook counts the failure and is switched off at {@code disableAfter} in a row, which also
     * gives up what was still queued for it. Answers whether it was switched off now.
     */
    boolean failed(
            long notificationId,
            UUID user,
            Integer status,
            String error,
            Instant retryAt,
            int disableAfter,
            Instant now) {
        String cut = error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("""
                        update webhook_deliveries set next_attempt_at = :retry, last_status = :status, last_error = :error
                        where notification_id = :id""")
                .param("id", notificationId)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .param("status", status)
                .param("error", cut)
                .update();
        boolean disabled = jdbc.sql("""
                        update notification_webhooks set consecutive_failures = consecutive_failures + 1,
                            last_error = :error,
                            disabled_at = case when consecutive_failures + 1 >= :limit then cast(:now as timestamptz) end
                        where user_id = :user and disabled_at is null
                        returning disabled_at is not null""")
                .param("user", user)
                .param("error", cut)
                .param("limit", disableAfter)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (disabled) {
            jdbc.sql("""
                            update webhook_deliveries set next_attempt_at = null, last_error = 'webhook switched off'
                            where user_id = :user and delivered_at is null and next_attempt_at is not null""").param("user", user).update();
        }
        return disabled;
    }
}
