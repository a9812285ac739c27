package io.refrain.catalog;

import java.util.List;

/** An artist with genres, newest albums (up to 50) and most popular tracks (up to 10). */
public record ArtistView(
        long id,
        String name,
        Integer popularity,
        List<String> genres,
        List<TrackView.AlbumRef> albums,
        List<TrackView> topTracks) {

    public ArtistView withTopTracks(List<TrackView> personalised) {
        return new ArtistView(id, name, popularity, genres, albums, personalised);
    }
}
