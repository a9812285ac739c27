package io.refrain.history.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Spotify account-data records (StreamingHistory*.json, StreamingHistory_music_*.json):
 * {@code endTime} is the UTC minute the stream stopped, so the start is endTime - msPlayed (and only
 * good to the minute). StreamingHistory_podcast_*.json rows carry podcastName/episodeName instead.
 */
final class SpotifyAccountDataRecords implements JsonRecordMapper {

    private static final DateTimeFormatter END_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public ExportRow map(long position, JsonNode r) {
        if (JsonFields.text(r, "trackName") == null && (r.has("episodeName") || r.has("podcastName"))) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.NOT_MUSIC,
                    "podcast episode " + Details.quote(JsonFields.text(r, "episodeName")));
        }
        String endText = JsonFields.text(r, "endTime");
        if (endText == null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no endTime");
        }
        Instant end;
        try {
            end = LocalDateTime.parse(endText.strip(), END_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.UNPARSEABLE,
                    "endTime: " + Details.quote(endText) + " is not a time like 2021-10-06 01:44");
        }
        Integer ms = JsonFields.millis(r, "msPlayed");
        if (ms == null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no msPlayed");
        }
        return new ExportRow.Listen(
                position,
                new ExportedListen(
                        end.minusMillis(ms),
                        JsonFields.text(r, "artistName"),
                        JsonFields.text(r, "trackName"),
                        null,
                        ms,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }
}
