package io.refrain.assistant;

import io.refrain.platform.config.Cron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The assistant module's settings ({@code refrain.assistant.*}); {@code application.yml} declares
 * each key with its default.
 *
 * @param allowedOrigins browser origins that may call /mcp (an {@code Origin} header outside them is
 *                       refused with 403; requests without one, as MCP clients outside a browser
 *                       send them, pass); {@code host:*} allows any port
 * @param allowedHosts   host names /mcp answers to (any other {@code Host} header is refused with
 *                       421, the defence against DNS rebinding); empty allows every host
 * @param limits         calls per user and hour for each kind of tool
 * @param conversation   taste conversations
 * @param auditRetention tool calls are kept in the audit trail this long
 * @param cleanupCron    when expired conversations, old audit rows and old request results go
 */
@ConfigurationProperties("refrain.assistant")
@Validated
public record AssistantProperties(
        @NotNull List<String> allowedOrigins,
        @NotNull List<String> allowedHosts,
        @NotNull @Valid Limits limits,
        @NotNull @Valid Conversation conversation,
        @NotNull @DurationMin(days = 1) Duration auditRetention,
        @Cron String cleanupCron) {

    /**
     * @param queryPerHour        reading tools (search, library, statistics, playlists)
     * @param generatePerHour     recommendations and playlist builds
     * @param conversationPerHour the taste conversation's tools
     * @param supporterGeneratePerHour recommendations and playlist builds for holders of the supporter role
     */
    public record Limits(
            @Min(1) int queryPerHour,
            @Min(1) int generatePerHour,
            @Min(1) int conversationPerHour,
            @Min(1) int supporterGeneratePerHour) {}

    /**
     * @param idleTimeout  an open conversation expires after this long without an answer
     * @param maxLifetime  and at the latest this long after it started (at most 24 hours)
     * @param doneAt       the confidence (0–100) at which a conversation produces its profile code
     */
    public record Conversation(
            @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24)
            Duration idleTimeout,

            @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24)
            Duration maxLifetime,

            @Min(10) @jakarta.validation.constraints.Max(100)
            int doneAt) {}
}
