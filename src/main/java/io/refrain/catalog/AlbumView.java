package io.refrain.catalog;

import java.util.List;

/** An album with its artists and all its tracks in disc and track order. */
public record AlbumView(
        long id,
        String title,
        String releaseDate,
        Integer popularity,
        List<ArtistRef> artists,
        List<TrackView> tracks) {

    public record ArtistRef(long id, String name) {}

    public AlbumView withTracks(List<TrackView> personalised) {
        return new AlbumView(id, title, releaseDate, popularity, artists, personalised);
    }
}
