package io.refrain.notifications;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/notifications", produces = "application/json")
@Tag(
        name = "notifications",
        description = "What the server tells you (a role about to run out, a role ended, …): here, by e-mail to your "
                + "verified address, and to your own signed webhook if you set one.")
class NotificationsController {

    private final NotificationInbox inbox;
    private final Webhooks webhooks;

    NotificationsController(NotificationInbox inbox, Webhooks webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    record MarkedRead(int marked) {}

    record WebhookRequest(
            @Schema(description = "http(s) URL the notifications are POSTed to")
            String url) {}

    @GetMapping
    @Operation(summary = "Your notifications, newest first", description = """
            `unread=true` lists only unread ones. limit 1–100 (default 50); `unread` in the answer counts all \
            your unread notifications.""")
    NotificationPage list(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return inbox.page(user.id(), unread, Limits.pageSize(limit, 50, 100), cursor);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Mark one notification read",
            description = "Again is fine. 404 for a notification that is not yours.")
    void read(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        inbox.markRead(user.id(), id);
    }

    @PostMapping("/read")
    @Operation(summary = "Mark all your notifications read", description = "Answers how many were unread.")
    MarkedRead readAll(@Parameter(hidden = true) AuthenticatedUser user) {
        return new MarkedRead(inbox.markAllRead(user.id()));
    }

    @GetMapping("/webhook")
    @Operation(summary = "Your webhook", description = """
            Its URL, whether it is on, and failures in a row (it is switched off after \
            `refrain.notifications.webhooks.disable-after-failures`; set it again to switch it back on). \
            The secret is shown only when it is set. 404 when you have none.""")
    Webhooks.WebhookView webhook(@Parameter(hidden = true) AuthenticatedUser user) {
        return webhooks.find(user.id());
    }

    @PutMapping(path = "/webhook", consumes = "application/json")
    @Operation(summary = "Set your webhook", description = """
            Every notification is then also POSTed there as JSON (`id`, `kind`, `title`, `body`, `data`, \
            `createdAt`) with the headers `X-Refrain-Delivery` (the notification id: the same on a retry), \
            `X-Refrain-Timestamp` (Unix seconds) and `X-Refrain-Signature`: `sha256=` and the hex HMAC-SHA256 of \
            `<timestamp>.<body>` keyed with the secret in this answer (shown only now; setting the webhook again \
            makes a new one). Any 2xx answer is a delivery; otherwise it is retried with backoff. Private and local \
            addresses are refused unless the server allows them.""")
    Webhooks.WebhookView setWebhook(
            @Parameter(hidden = true) AuthenticatedUser user, @RequestBody WebhookRequest request) {
        return webhooks.set(user.id(), request.url());
    }

    @DeleteMapping("/webhook")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove your webhook", description = "What was still to be sent to it is dropped.")
    void deleteWebhook(@Parameter(hidden = true) AuthenticatedUser user) {
        webhooks.delete(user.id());
    }
}
