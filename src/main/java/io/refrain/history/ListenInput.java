package io.refrain.history;

import io.refrain.catalog.TrackReference;
import java.time.Instant;

/**
 * One listen to store, whichever door it came in by (REST, ListenBrainz, an import).
 *
 * @param listenedAt  when the play started
 * @param msPlayed    how long it played, when known
 * @param contextType playlist, album, artist, party, radio, search, library or other; may be null
 * @param client      the submitting player or scrobbler, free text
 */
public record ListenInput(
        Instant listenedAt,
        TrackReference track,
        Integer msPlayed,
        boolean skipped,
        String contextType,
        String contextId,
        String client) {}
