package io.refrain.catalog.sources.musicbrainz;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Refrain talks to the MusicBrainz web service; {@code application.yml} maps the
 * {@code REFRAIN_MUSICBRAINZ_*} variables here.
 *
 * @param contact     goes into the User-Agent: MusicBrainz blocks clients that do not say who runs them
 * @param timeout     bounds connecting and, separately, waiting for the answer
 * @param minInterval least time between two request starts (MusicBrainz allows one request per second)
 * @param maxWait     longest a lookup waits for its turn before it is refused as unavailable
 */
@ConfigurationProperties("refrain.musicbrainz")
public record MusicBrainzSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(MusicBrainzSettings.DEFAULT_BASE_URL) String baseUrl,
        @DefaultValue(MusicBrainzSettings.DEFAULT_CONTACT) String contact,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("1s") Duration minInterval,
        @DefaultValue("10s") Duration maxWait) {

    public static final String DEFAULT_BASE_URL = "https://musicbrainz.org/ws/2";
    public static final String DEFAULT_CONTACT = "https://github.com/refrain";

    public MusicBrainzSettings {
        // An empty environment variable means "not set", as elsewhere in Refrain.
        baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : baseUrl.strip().replaceAll("/+$", "");
        contact = isBlank(contact) ? DEFAULT_CONTACT : contact.strip();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        minInterval = minInterval == null ? Duration.ofSeconds(1) : minInterval;
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
        requireHttpUrl(baseUrl);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("refrain.musicbrainz.timeout must be positive, not " + timeout);
        }
        if (minInterval.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("refrain.musicbrainz.min-interval and max-wait must not be negative");
        }
    }

    private static void requireHttpUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("refrain.musicbrainz.base-url is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("refrain.musicbrainz.base-url must be an http(s) URL: " + url);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
