package io.refrain.catalog.sources;

import java.util.List;

/**
 * A track as an external source describes it. Only {@code title} and at least one artist are
 * guaranteed; everything else may be null or empty.
 *
 * @param releaseDate "YYYY", "YYYY-MM" or "YYYY-MM-DD" (sources give partial dates)
 * @param features    audio features when the source has them, else null
 */
public record SourceTrack(
        String provider,
        String externalId,
        String title,
        Integer durationMs,
        List<SourceArtist> artists,
        SourceAlbum album,
        List<String> isrcs,
        List<String> genres,
        SourceFeatures features) {

    /** A credited artist, in credit order. {@code role} is main, featured, remixer, … */
    public record SourceArtist(String name, String externalId, String role) {}

    /** The release the track appears on (the earliest official one, where the source says). */
    public record SourceAlbum(String title, String externalId, String releaseDate, List<SourceArtist> artists) {}

    /** Spotify-style audio features; any value may be null. */
    public record SourceFeatures(
            Double danceability,
            Double energy,
            Integer key,
            Double loudness,
            Integer mode,
            Double speechiness,
            Double acousticness,
            Double instrumentalness,
            Double liveness,
            Double valence,
            Double tempo,
            Integer timeSignature) {}
}
