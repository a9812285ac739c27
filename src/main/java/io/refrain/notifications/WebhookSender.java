package io.refrain.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due webhook deliveries. Runs on every server: each claims its batch with a lease (see
 * {@link WebhookRepository#claimDue}), so none is sent twice at once; one whose server dies
 * mid-send is tried again when the lease ends (a receiver can tell by the delivery id header).
 * Redirects are not followed: the address checked is the address called.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 50;

    private final WebhookRepository webhooks;
    private final WebhookAddresses addresses;
    private final NotificationsProperties.Webhooks settings;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(
            WebhookRepository webhooks,
            Webhooks config,
            NotificationsProperties settings,
            TransactionTemplate transactions,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.webhooks = webhooks;
        this.addresses = config.addresses();
        this.settings = settings.webhooks();
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${refrain.notifications.webhooks.send-interval}",
            initialDelayString = "${refrain.notifications.webhooks.send-interval}")
    void scheduled() {
        run();
    }

    /** Sends what is due now, batch after batch; answers the attempts made. */
    int run() {
        int attempts = 0;
        // a webhook switched off during a batch gets nothing more of it (the switch gave those up)
        java.util.Set<java.util.UUID> switchedOff = new java.util.HashSet<>();
        for (List<WebhookRepository.Claimed> batch; !(batch = claim()).isEmpty(); ) {
            for (WebhookRepository.Claimed delivery : batch) {
                if (!switchedOff.contains(delivery.userId())) {
                    if (!send(delivery)) {
                        switchedOff.add(delivery.userId());
                    }
                    attempts++;
                }
            }
        }
        return attempts;
    }

    private List<WebhookRepository.Claimed> claim() {
        Instant now = clock.instant();
        // the lease outlasts a whole batch of timed-out sends
        Instant leaseUntil = now.plus(settings.timeout().multipliedBy(BATCH + 1L));
        return transactions.execute(status -> webhooks.claimDue(now, leaseUntil, BATCH));
    }

    /** Sends one delivery and records how it went; false when the webhook was switched off by it. */
    private boolean send(WebhookRepository.Claimed delivery) {
        URI url = URI.create(delivery.url());
        Optional<String> refusal = addresses.refusal(url);
        if (refusal.isPresent()) {
            return failed(delivery, null, "the URL " + refusal.get());
        }
        String body = payload(delivery);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Refrain-Webhook/1")
                .header(WebhookSignature.DELIVERY_HEADER, Long.toString(delivery.notificationId()))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                transactions.executeWithoutResult(s -> webhooks.delivered(
                        delivery.notificationId(), delivery.userId(), response.statusCode(), clock.instant()));
                count("delivered");
                return true;
            }
            return failed(delivery, response.statusCode(), "answered HTTP " + response.statusCode());
        } catch (IOException e) {
            return failed(delivery, null, "could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(delivery, null, "sending was interrupted");
        }
    }

    /** Records a failed attempt; false when it switched the webhook off. */
    private boolean failed(WebhookRepository.Claimed delivery, Integer status, String error) {
        Instant now = clock.instant();
        Instant retryAt = delivery.attempt() >= settings.maxAttempts()
                ? null
                : now.plus(settings.firstRetryAfter().multipliedBy(1L << Math.min(delivery.attempt() - 1, 20)));
        boolean disabled = Boolean.TRUE.equals(transactions.execute(s -> webhooks.failed(
                delivery.notificationId(),
                delivery.userId(),
                status,
                error,
                retryAt,
                settings.disableAfterFailures(),
                now)));
        count(retryAt == null ? "given-up" : "retrying");
        if (disabled) {
            log.warn(
                    "Webhook of user {} switched off after {} failures in a row: {}",
                    delivery.userId(),
                    settings.disableAfterFailures(),
                    error);
        }
        return !disabled;
    }

    private String payload(WebhookRepository.Claimed delivery) {
        return json.writeValueAsString(Map.of(
                "id", delivery.notificationId(),
                "kind", delivery.kind(),
                "title", delivery.title(),
                "body", delivery.body(),
                "data", json.readTree(delivery.data()),
                "createdAt", delivery.createdAt().toString()));
    }

    private void count(String outcome) {
        meters.counter("refrain.notifications.webhook.deliveries", "outcome", outcome)
                .increment();
    }
}
