package io.refrain.notifications;

import io.refrain.platform.errors.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own webhook: set, shown, removed. */
@Service
class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a user sees of their webhook; the secret only in the answer that set it. */
    record WebhookView(
            String url,
            String secret,
            boolean enabled,
            int consecutiveFailures,
            String lastError,
            java.time.Instant createdAt) {}

    private final WebhookRepository webhooks;
    private final WebhookAddresses addresses;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, NotificationsProperties settings, Clock clock) {
        this.webhooks = webhooks;
        this.addresses = new WebhookAddresses(settings.webhooks().allowPrivateAddresses());
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    WebhookView find(UUID user) {
        return webhooks.find(user)
                .map(w -> new WebhookView(
                        w.url(), null, w.disabledAt() == null, w.consecutiveFailures(), w.lastError(), w.createdAt()))
                .orElseThrow(() -> ApiException.notFound("You have not set a webhook."));
    }

    /** Sets the webhook with a new secret (setting it again also switches a disabled one back on). */
    @Transactional
    WebhookView set(UUID user, String url) {
        URI uri = parse(url);
        addresses.refusal(uri).ifPresent(why -> {
            throw ApiException.invalidField("url", why);
        });
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        webhooks.save(user, uri.toString(), secret, now);
        return new WebhookView(uri.toString(), secret, true, 0, null, now);
    }

    @Transactional
    void delete(UUID user) {
        if (!webhooks.delete(user)) {
            throw ApiException.notFound("You have not set a webhook.");
        }
    }

    WebhookAddresses addresses() {
        return addresses;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        if (url.length() > 2048) {
            throw ApiException.invalidField("url", "is longer than 2048 characters");
        }
        try {
            URI uri = new URI(url.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw ApiException.invalidField("url", "must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw ApiException.invalidField("url", "must name a host, without user info or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "is not a URL: " + e.getReason());
        }
    }
}
