package io.refrain.history.importer;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Spotify "Extended streaming history" records (Streaming_History_Audio_*.json, endsong_*.json).
 * {@code ts} is when the stream STOPPED, so the start is ts - ms_played.
 */
final class SpotifyExtendedRecords implements JsonRecordMapper {

    private static final String TRACK_URI_PREFIX = "spotify:track:";

    @Override
    public ExportRow map(long position, JsonNode r) {
        String title = JsonFields.text(r, "master_metadata_track_name");
        if (ExportedListen.clean(title) == null) {
            return new ExportRow.Skipped(position, SkipReason.NOT_MUSIC, notMusic(r));
        }
        Instant end = JsonFields.isoInstant(r, "ts");
        if (end == null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no ts");
        }
        Integer ms = JsonFields.millis(r, "ms_played");
        if (ms == null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no ms_played");
        }
        String uri = JsonFields.text(r, "spotify_track_uri");
        String trackId =
                uri != null && uri.startsWith(TRACK_URI_PREFIX) ? uri.substring(TRACK_URI_PREFIX.length()) : null;
        return new ExportRow.Listen(
                position,
                new ExportedListen(
                        end.minusMillis(ms),
                        JsonFields.text(r, "master_metadata_album_artist_name"),
                        title,
                        JsonFields.text(r, "master_metadata_album_album_name"),
                        ms,
                        JsonFields.bool(r, "skipped"),
                        null,
                        trackId,
                        null,
                        null,
                        null,
                        null,
                        JsonFields.text(r, "platform")));
    }

    private static String notMusic(JsonNode r) {
        String episode = JsonFields.text(r, "episode_name");
        if (episode != null) {
            return "podcast episode " + Details.quote(episode) + " of "
                    + Details.quote(JsonFields.text(r, "episode_show_name"));
        }
        String book = JsonFields.text(r, "audiobook_title");
        if (book != null) {
            return "audiobook " + Details.quote(book);
        }
        return "no track name (podcast, audiobook or unavailable content)";
    }
}
