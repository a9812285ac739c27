package io.refrain.recommend;

import io.refrain.platform.config.Cron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The recommend module's settings ({@code refrain.recommend.*}); {@code application.yml} declares
 * each key with its default.
 *
 * @param recentlyPlayed tracks the user played this recently are not recommended
 * @param profile        listener profiles
 * @param similarity     the co-listening similarity job
 * @param popular        popular now
 * @param generated      generated playlists (daily mix, weekly discovery)
 * @param discovery      discovery sessions
 */
@ConfigurationProperties("refrain.recommend")
@Validated
public record RecommendProperties(
        @NotNull Duration recentlyPlayed,
        @NotNull @Valid Profile profile,
        @NotNull @Valid Similarity similarity,
        @NotNull @Valid Popular popular,
        @NotNull @Valid Generated generated,
        @NotNull @Valid Discovery discovery) {

    /**
     * @param halfLife        a listen's weight halves every half-life back from the user's latest listen
     * @param validFor        a profile is recomputed at the latest this long after it was computed
     * @param refreshInterval pause between two runs of the job that recomputes stale profiles
     * @param refreshBatch    stale profiles recomputed per run
     */
    public record Profile(
            @NotNull @DurationMin(hours = 1) Duration halfLife,
            @NotNull @DurationMin(minutes = 1) Duration validFor,
            @NotNull Duration refreshInterval,
            @Min(1) int refreshBatch) {}

    /**
     * @param cron       when the similarity job runs
     * @param sessionGap a listening session ends after a gap longer than this
     * @param pairWindow each listen pairs with this many listens after it in its session
     * @param maxPerUser one user adds at most this much to one pair's score
     * @param minScore   pairs scoring less are not kept
     * @param neighbours at most this many similar tracks (and artists) kept per track (artist)
     * @param usersPerBatch users read per statement (the progress step)
     */
    public record Similarity(
            @Cron String cron,
            @NotNull @DurationMin(seconds = 1) Duration sessionGap,
            @Min(1) @Max(50) int pairWindow,
            @Min(1) int maxPerUser,
            @Min(1) int minScore,
            @Min(1) @Max(1000) int neighbours,
            @Min(1) int usersPerBatch) {}

    /**
     * @param refreshInterval pause between two refreshes of popular now
     * @param size            entries kept per list (window, genre, kind and order)
     */
    public record Popular(
            @NotNull Duration refreshInterval,
            @Min(1) @Max(1000) int size) {}

    /**
     * @param cron         when expired generated playlists of active users are regenerated
     * @param activeWithin users who listened this recently get generated playlists
     * @param dailyMixTtl  a daily mix expires this long after it was generated
     * @param weeklyDiscoveryTtl a weekly discovery expires this long after it was generated
     */
    public record Generated(
            @Cron String cron,
            @NotNull Duration activeWithin,
            @NotNull Duration dailyMixTtl,
            @NotNull Duration weeklyDiscoveryTtl) {}

    /**
     * @param retention   discovery sessions are kept this long
     * @param cleanupCron when older sessions are deleted
     */
    public record Discovery(
            @NotNull @DurationMin(days = 1) Duration retention,
            @Cron String cleanupCron) {}
}
