package io.refrain.history.importer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How imports of export files treat their rows.
 *
 * @param duplicateWindow a play of the same track this close to one already in the history is
 *                        the same play reported by another source (Spotify stamps the end of a
 *                        play to the minute, scrobblers its start)
 * @param minPlay         plays shorter than this are left out (Last.fm's rule: 30 seconds)
 */
@ConfigurationProperties("refrain.history.import")
public record ListenImportSettings(Duration duplicateWindow, Duration minPlay) {

    public ListenImportSettings {
        duplicateWindow = duplicateWindow == null ? Duration.ofSeconds(120) : duplicateWindow;
        minPlay = minPlay == null ? Duration.ofSeconds(30) : minPlay;
    }
}
