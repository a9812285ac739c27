package io.refrain.catalog;

/**
 * A song as a listen names it: by catalog id, or by external ids and artist + title (the way
 * scrobblers and export files describe what was played). Names are trimmed by the caller.
 *
 * @param trackId       a catalog id, or null to resolve by the other fields
 * @param isrc          an ISRC, matched against the catalog's {@code isrc} source ids
 * @param recordingMbid a MusicBrainz recording id ({@code musicbrainz} source ids)
 * @param spotifyId     a Spotify track id, base-62 ({@code spotify} source ids)
 */
public record TrackReference(
        Long trackId,
        String artist,
        String title,
        String album,
        Integer durationMs,
        String isrc,
        String recordingMbid,
        String spotifyId) {

    public static TrackReference byId(long trackId) {
        return new TrackReference(trackId, null, null, null, null, null, null, null);
    }

    public static TrackReference byName(String artist, String title, String album) {
        return new TrackReference(null, artist, title, album, null, null, null, null);
    }
}
