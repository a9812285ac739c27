package io.refrain.search;

import io.refrain.catalog.TrackView;
import io.refrain.platform.web.Page;

/**
 * Search results per type; a type not asked for is null. Each type pages on its own: pass its
 * {@code next} as {@code cursor} together with {@code type=<that type>}.
 */
public record SearchResults(Page<TrackView> tracks, Page<ArtistResult> artists, Page<AlbumResult> albums) {

    public record ArtistResult(long id, String name, Integer popularity) {}

    /** @param artists the album artists' names, comma-separated */
    public record AlbumResult(long id, String title, String releaseDate, String artists) {}
}
