package io.refrain.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A track as the API shows it: credits, album, genres, external ids and audio features, and,
 * when shown to a signed-in user, that user's own state of it ({@code me}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        AudioFeaturesView features,
        Personal me) {

    /** The same track with the reader's own state. */
    public TrackView withPersonal(Personal personal) {
        return new TrackView(
                id,
                title,
                durationMs,
                explicit,
                popularity,
                trackNumber,
                discNumber,
                album,
                artists,
                genres,
                sources,
                features,
                personal);
    }

    /**
     * The reader's own state of a track.
     *
     * @param rating 0–5 in half steps, or null when not rated
     */
    public record Personal(boolean saved, Double rating, boolean loved) {
        public static final Personal NONE = new Personal(false, null, false);
    }

    /** @param releaseDate "YYYY", "YYYY-MM" or "YYYY-MM-DD": only as precise as the source knows it */
    public record AlbumRef(long id, String title, String releaseDate) {}

    public record ArtistCredit(long id, String name, String role) {}

    public record SourceRef(String provider, String id) {}
}
