package io.refrain.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Thumbs up or down on a track or an artist, as ListenBrainz's {@code love} / {@code hate} feedback. */
@Schema(description = "your thumbs up (`love`) or down (`hate`) on a track or an artist")
record Feedback(
        @Schema(description = "track or artist") String type,
        long id,
        @Schema(description = "love or hate") String score,
        Instant createdAt) {

    /** What feedback is on. */
    enum Target {
        TRACK("track", "track_feedback", "track_id", "catalog_tracks"),
        ARTIST("artist", "artist_feedback", "artist_id", "catalog_artists");

        final String name;
        final String table;
        final String column;
        final String catalogView;

        Target(String name, String table, String column, String catalogView) {
            this.name = name;
            this.table = table;
            this.column = column;
            this.catalogView = catalogView;
        }

        /** From the path word ({@code tracks}, {@code artists}) or query value ({@code track}, {@code artist}). */
        static Target parse(String word, String parameter) {
            return switch (word == null ? "" : word) {
                case "track", "tracks" -> TRACK;
                case "artist", "artists" -> ARTIST;
                default ->
                    throw io.refrain.platform.errors.ApiException.invalidField(parameter, "must be track or artist");
            };
        }
    }

    static int score(String word) {
        return switch (word == null ? "" : word) {
            case "love" -> 1;
            case "hate" -> -1;
            default -> throw io.refrain.platform.errors.ApiException.invalidField("score", "must be love or hate");
        };
    }

    static String word(int score) {
        return score > 0 ? "love" : "hate";
    }
}
