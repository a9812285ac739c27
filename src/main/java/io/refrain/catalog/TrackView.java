package io.refrain.catalog;

import java.util.List;

/** A track as the API shows it: credits, album, genres, external ids and audio features. */
public record TrackView(
        long id,
        String title,
        Integer durationMs,
        boolean explicit,
        Integer popularity,
        Integer trackNumber,
        Integer discNumber,
        AlbumRef album,
        List<ArtistCredit> artists,
        List<String> genres,
        List<SourceRef> sources,
        AudioFeaturesView features) {

    /** @param releaseDate "YYYY", "YYYY-MM" or "YYYY-MM-DD": only as precise as the source knows it */
    public record AlbumRef(long id, String title, String releaseDate) {
    }

    public record ArtistCredit(long id, String name, String role) {
    }

    public record SourceRef(String provider, String id) {
    }
}
