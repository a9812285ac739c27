package io.refrain.notifications;

import io.refrain.accounts.AccountService;
import io.refrain.platform.mail.Mailer;
import io.refrain.platform.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices: stored for the app, queued for the users' webhooks, and mailed — all in the
 * caller's transaction, so a rolled-back change announces nothing, and a committed one is told
 * once. The mail leaves after the commit (the platform's mailer), at most once.
 */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final WebhookRepository webhooks;
    private final AccountService accounts;
    private final Mailer mailer;
    private final NotificationsProperties settings;
    private final JsonMapper json;
    private final Clock clock;

    Notifications(
            NotificationRepository notifications,
            WebhookRepository webhooks,
            AccountService accounts,
            Mailer mailer,
            NotificationsProperties settings,
            JsonMapper json,
            Clock clock) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.mailer = mailer;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** Sends these notices in the caller's transaction: a few statements, however many there are. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<String> data =
                notices.stream().map(n -> json.writeValueAsString(n.data())).toList();
        Map<UUID, String> emails = settings.mail()
                ? accounts.verifiedEmails(
                        notices.stream().map(Notice::userId).distinct().toList())
                : Map.of();
        List<Boolean> mailed =
                notices.stream().map(n -> emails.containsKey(n.userId())).toList();
        List<Long> ids = notifications.insert(notices, data, mailed, now);
        webhooks.queueDeliveries(ids, now);
        for (Notice notice : notices) {
            String to = emails.get(notice.userId());
            if (to != null) {
                mailer.send(new OutgoingMail(to, notice.title(), notice.body())); // leaves after the commit
            }
        }
    }
}
