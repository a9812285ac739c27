package io.refrain.history;

import io.refrain.platform.config.Cron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The history module's settings ({@code refrain.history.*}); {@code application.yml} declares each
 * key with its default and the {@code REFRAIN_*} variable that sets it.
 *
 * @param partitionCron when this month's and the next months' {@code listens} partitions are created (UTC)
 * @param archive       retention: old months archived to files
 * @param importing     imports of export files ({@code refrain.history.import.*})
 * @param listenbrainz  the ListenBrainz-compatible API
 */
@ConfigurationProperties("refrain.history")
@Validated
public record HistoryProperties(
        @Cron String partitionCron,
        @NotNull @Valid Archive archive,
        @Name("import") @NotNull @Valid Import importing,
        @NotNull @Valid ListenBrainz listenbrainz) {

    /**
     * @param retentionMonths months of listens kept in the database; a month wholly older than this
     *                        is archived by the daily job. 0 keeps everything forever.
     * @param cron            when the retention job runs (UTC)
     */
    public record Archive(@Min(0) int retentionMonths, @Cron String cron) {}

    /**
     * How imports of export files treat their rows.
     *
     * @param duplicateWindow      a play of the same track this close to one already in the history is
     *                             the same play reported by another source (Spotify stamps the end of a
     *                             play to the minute, scrobblers its start)
     * @param minPlay              plays shorter than this are left out (Last.fm's rule: 30 seconds)
     * @param interruptedCheckCron when a server looks for imports whose server or CLI command stopped
     */
    public record Import(
            Duration duplicateWindow,
            Duration minPlay,
            @Cron String interruptedCheckCron) {

        public Import {
            // An empty environment variable means "not set".
            duplicateWindow = duplicateWindow == null ? Duration.ofSeconds(120) : duplicateWindow;
            minPlay = minPlay == null ? Duration.ofSeconds(30) : minPlay;
        }
    }

    /**
     * @param rateLimit       requests per {@code rateLimitWindow} on the ListenBrainz API (/1/…), per
     *                        token (per client address without one)
     * @param rateLimitWindow that window
     */
    public record ListenBrainz(
            @Min(1) int rateLimit,
            @NotNull @DurationMin(millis = 1) Duration rateLimitWindow) {}
}
