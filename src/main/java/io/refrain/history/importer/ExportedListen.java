package io.refrain.history.importer;

import java.time.Instant;

/**
 * One listen read from an export. {@code listenedAt} is the START of the play in UTC (Spotify's end
 * times are converted). Strings are trimmed and empty strings become null, so callers never have to
 * tell "" from missing.
 */
public record ExportedListen(
        Instant listenedAt,
        String artist,
        String title,
        String album,
        Integer msPlayed,
        Boolean skipped,
        Integer durationMs,
        String spotifyTrackId,
        String isrc,
        String recordingMbid,
        String artistMbid,
        String releaseMbid,
        String client) {

    public ExportedListen {
        artist = clean(artist);
        title = clean(title);
        album = clean(album);
        spotifyTrackId = clean(spotifyTrackId);
        isrc = clean(isrc);
        recordingMbid = clean(recordingMbid);
        artistMbid = clean(artistMbid);
        releaseMbid = clean(releaseMbid);
        client = clean(client);
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
