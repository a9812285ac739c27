package io.refrain.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notifications module ({@code refrain.notifications.*}).
 *
 * @param mail     whether notifications also go out by e-mail (to verified addresses)
 * @param webhooks the users' own webhooks
 */
@ConfigurationProperties("refrain.notifications")
@Validated
public record NotificationsProperties(
        boolean mail, @NotNull @Valid Webhooks webhooks) {

    /**
     * @param allowPrivateAddresses whether a webhook may point at loopback, private or link-local
     *                              addresses (off: a user could otherwise make the server call
     *                              into its own network)
     * @param timeout               how long one delivery may take
     * @param maxAttempts           attempts per notification before it is given up
     * @param firstRetryAfter       the wait after the first failure; it doubles with each further one
     * @param disableAfterFailures  consecutive failed attempts after which the webhook is switched off
     * @param sendInterval          pause between two runs of the sender
     */
    public record Webhooks(
            boolean allowPrivateAddresses,

            @NotNull @DurationMin(seconds = 1) @DurationMax(seconds = 60)
            Duration timeout,

            @Min(1) @Max(20) int maxAttempts,
            @NotNull @DurationMin(seconds = 1) Duration firstRetryAfter,
            @Min(1) int disableAfterFailures,
            @NotNull @DurationMin(seconds = 1) Duration sendInterval) {}
}
