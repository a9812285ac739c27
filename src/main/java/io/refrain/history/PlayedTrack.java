package io.refrain.history;

import io.refrain.catalog.TrackView;
import java.time.Instant;

/** One listen as read back: when, how long, from where, and the full track with the reader's state. */
public record PlayedTrack(
        Instant listenedAt, Integer msPlayed, boolean skipped, Context context, String client, TrackView track) {

    public record Context(String type, String id) {}
}
