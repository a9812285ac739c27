package io.refrain.history;

import io.refrain.catalog.TrackReference;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A listen as the REST API takes it. */
@Schema(
        description =
                "One play. Name the track by catalog `id`, or by `artist` + `title` (plus any of album, duration and "
                        + "ids, which help find the right catalog entry); a song the catalog lacks becomes a new catalog entry.")
record ListenRequest(
        @Schema(
                description = "when the play started, ISO-8601 with offset, e.g. 2026-11-23T08:15:00Z; not before "
                        + "2002-10-01 nor more than an hour ahead",
                example = "2026-11-23T08:15:00Z")
        String listenedAt,

        TrackRequest track,

        @Schema(description = "milliseconds actually played, 0–86400000")
        Integer msPlayed,

        @Schema(description = "whether the listener skipped it")
        Boolean skipped,

        ContextRequest context,

        @Schema(description = "the submitting player, e.g. \"refrain-web 1.2\"")
        String client) {

    record TrackRequest(
            Long id,
            String artist,
            String title,
            String album,
            Integer durationMs,
            String isrc,
            String recordingMbid,
            String spotifyId) {}

    @Schema(description = "where the play came from")
    record ContextRequest(
            @Schema(description = "playlist, album, artist, party, radio, search, library or other")
            String type,

            String id) {}

    /** A batch: 1–1,000 listens. */
    record Batch(List<ListenRequest> listens) {}

    /** The listen to store, at the time {@link ListenRequestReader} read from {@link #listenedAt} (null when absent). */
    ListenInput toInput(Instant listenedAt) {
        TrackReference reference = track == null
                ? null
                : new TrackReference(
                        track.id(),
                        strip(track.artist()),
                        strip(track.title()),
                        strip(track.album()),
                        track.durationMs(),
                        strip(track.isrc()),
                        strip(track.recordingMbid()),
                        strip(track.spotifyId()));
        return new ListenInput(
                listenedAt,
                reference,
                msPlayed,
                Boolean.TRUE.equals(skipped),
                context == null ? null : context.type(),
                context == null ? null : context.id(),
                client);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
