package io.refrain.catalog.importer;

import io.refrain.catalog.identity.CatalogIdentity;
import io.refrain.catalog.identity.CatalogIdentity.Origin;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The set-based half of the catalog import: merges the staged rows into the catalog, in the
 * caller's transaction, with a fixed number of statements whatever the file's size. Keys: the
 * Spotify track and album ids (as {@code spotify} external ids); artists by the catalog's
 * identity rule for imports (exact names, {@link CatalogIdentity}). Re-running with the same
 * file changes nothing; rows that repeat a track (one per playlist) merge into one track with
 * the union of their genres.
 */
@Component
class CatalogMerge {

    record Counts(
            long distinctTracks,
            long tracksInserted,
            long tracksUpdated,
            long albumsInserted,
            long albumsUpdated,
            long artistsInserted,
            long genresInserted,
            long featuresChanged) {}

    private final CatalogMergeRepository repository;
    private final CatalogIdentity identity;

    CatalogMerge(CatalogMergeRepository repository, CatalogIdentity identity) {
        this.repository = repository;
        this.identity = identity;
    }

    Counts merge(Instant now) {
        repository.stageTracksAndAlbums();
        long genres = repository.mergeGenres();
        long artists = mergeArtists(now);
        CatalogMergeRepository.Merged albums = repository.mergeAlbums(now);
        long distinct = repository.stagedTracks();
        CatalogMergeRepository.Merged tracks = repository.mergeTracks(now);
        repository.mergeCredits();
        repository.mergeTrackGenres();
        long features = repository.mergeFeatures(now);
        repository.refreshArtistPopularity();
        return new Counts(
                distinct,
                tracks.inserted(),
                tracks.updated(),
                albums.inserted(),
                albums.updated(),
                artists,
                genres,
                features);
    }

    /** Finds or creates the staged artists and maps their names to ids; returns how many were created. */
    private long mergeArtists(Instant now) {
        List<String> names = repository.stagedArtists();
        CatalogIdentity.Found found = identity.artists(names, Origin.IMPORT, now);
        repository.mapArtists(names, found.ids());
        return found.created();
    }
}
