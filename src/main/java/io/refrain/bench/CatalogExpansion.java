package io.refrain.bench;

import io.refrain.catalog.BulkCatalog;
import org.springframework.stereotype.Component;

/**
 * Grows the catalog to the requested number of tracks with synthetic ones derived from the
 * real tracks, ten tracks per album, eight per artist. The catalog module does the work
 * ({@link BulkCatalog#addDerivedTracks}, set-based SQL, deterministic for a seed).
 */
@Component
class CatalogExpansion {

    static final int TRACKS_PER_ALBUM = 10;
    static final int TRACKS_PER_ARTIST = 8;

    private final BulkCatalog catalog;

    CatalogExpansion(BulkCatalog catalog) {
        this.catalog = catalog;
    }

    /** Adds tracks until the catalog has {@code target}; returns how many it added (0 when it already had enough). */
    long expandTo(long target, long seed) {
        return catalog.addDerivedTracks(
                new BulkCatalog.DerivedTracks(target, seed, TRACKS_PER_ALBUM, TRACKS_PER_ARTIST));
    }
}
