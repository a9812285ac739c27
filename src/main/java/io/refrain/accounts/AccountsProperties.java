package io.refrain.accounts;

import io.refrain.platform.config.Cron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The accounts module's settings ({@code refrain.accounts.*}); {@code application.yml} declares
 * each key with its default and the {@code REFRAIN_*} variable that sets it.
 *
 * @param refreshTokenTtl    lifetime of a refresh token (renewed on every rotation)
 * @param codeTtl            lifetime of an e-mailed one-time code
 * @param codeResendInterval at most one new code per account and purpose in this interval
 * @param codeMaxAttempts    wrong tries after which a code is spent
 * @param passwordHashCost   bcrypt cost factor (4 to 31)
 * @param adminEmails        comma-separated addresses that get the admin role
 * @param cleanupCron        when expired codes and ended sessions are removed
 * @param rateLimit          requests per minute to the auth endpoints
 */
@ConfigurationProperties("refrain.accounts")
@Validated
public record AccountsProperties(
        @NotNull @DurationMin(seconds = 1) Duration refreshTokenTtl,
        @NotNull @DurationMin(seconds = 1) Duration codeTtl,
        @NotNull Duration codeResendInterval,
        @Min(1) int codeMaxAttempts,
        @Min(4) @Max(31) int passwordHashCost,
        String adminEmails,
        @Cron String cleanupCron,
        @NotNull @Valid RateLimit rateLimit) {

    /** The configured admin addresses, lower-cased. */
    public List<String> adminEmailList() {
        if (adminEmails == null || adminEmails.isBlank()) {
            return List.of();
        }
        return Arrays.stream(adminEmails.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * @param perAddressPerMinute auth requests per minute per client address (sign-up, verify, login, codes, refresh)
     * @param perAccountPerMinute auth requests per minute per e-mail address (verify, login, codes)
     */
    public record RateLimit(
            @Min(1) int perAddressPerMinute, @Min(1) int perAccountPerMinute) {}
}
