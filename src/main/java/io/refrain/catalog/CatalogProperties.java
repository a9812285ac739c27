package io.refrain.catalog;

import io.refrain.platform.config.Cron;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog module's settings ({@code refrain.catalog.*}); {@code application.yml} declares each
 * key with its default and the {@code REFRAIN_*} variable that sets it.
 *
 * @param loadDemo            load the demo catalog on the first start with an empty catalog
 * @param staleAfter          a track fetched by a connector that nobody has requested for this long
 *                            is stale
 * @param staleMaxAccesses    … and only if it was requested fewer times than this in all
 * @param cleanupBatchSize    tracks removed per transaction
 * @param cleanupCron         when the stale-entry cleanup runs
 * @param accessFlushInterval pause between two writes of the in-memory track-read counters
 * @param musicbrainz         the MusicBrainz connector
 */
@ConfigurationProperties("refrain.catalog")
@Validated
public record CatalogProperties(
        boolean loadDemo,
        @NotNull @DurationMin(seconds = 1) Duration staleAfter,
        @Min(0) long staleMaxAccesses,
        @Min(1) int cleanupBatchSize,
        @Cron String cleanupCron,
        @NotNull @DurationMin(millis = 1) Duration accessFlushInterval,
        @NotNull @Valid MusicBrainz musicbrainz) {

    /**
     * How Refrain talks to the MusicBrainz web service.
     *
     * @param contact     goes into the User-Agent: MusicBrainz blocks clients that do not say who runs them
     * @param timeout     bounds connecting and, separately, waiting for the answer
     * @param minInterval least time between two request starts (MusicBrainz allows one request per second)
     * @param maxWait     longest a lookup waits for its turn before it is refused as unavailable
     */
    public record MusicBrainz(
            boolean enabled, String baseUrl, String contact, Duration timeout, Duration minInterval, Duration maxWait) {

        public static final String DEFAULT_BASE_URL = "https://musicbrainz.org/ws/2";
        public static final String DEFAULT_CONTACT = "https://github.com/refrain";

        public MusicBrainz {
            // An empty environment variable means "not set", as elsewhere in Refrain.
            baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.strip().replaceAll("/+$", "");
            contact = isBlank(contact) ? DEFAULT_CONTACT : contact.strip();
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            minInterval = minInterval == null ? Duration.ofSeconds(1) : minInterval;
            maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
            requireHttpUrl(baseUrl);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "refrain.catalog.musicbrainz.timeout must be positive, not " + timeout);
            }
            if (minInterval.isNegative() || maxWait.isNegative()) {
                throw new IllegalArgumentException(
                        "refrain.catalog.musicbrainz.min-interval and max-wait must not be negative");
            }
        }

        private static void requireHttpUrl(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("refrain.catalog.musicbrainz.base-url is not a URL: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "refrain.catalog.musicbrainz.base-url must be an http(s) URL: " + url);
            }
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
