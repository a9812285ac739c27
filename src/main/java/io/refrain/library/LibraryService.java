package io.refrain.library;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved tracks, saved albums and followed artists of the signed-in user: add and remove up to
 * {@value Batch#MAX} at once, "which of these are in it?", and lists newest first. Every method
 * works on the given user's rows only.
 */
@Service
public class LibraryService {

    public record ArtistRef(long id, String name) {}

    /** An album as library lists show it. */
    public record AlbumSummary(
            long id, String title, String releaseDate, Integer popularity, List<ArtistRef> artists) {}

    public record ArtistSummary(long id, String name, Integer popularity) {}

    public record SavedTrack(Instant savedAt, TrackView track) {}

    public record SavedAlbum(Instant savedAt, AlbumSummary album) {}

    public record FollowedArtist(Instant followedAt, ArtistSummary artist) {}

    private final ShelfRepository shelves;
    private final LibraryVersionRepository versions;
    private final CatalogService catalog;
    private final Clock clock;

    LibraryService(ShelfRepository shelves, LibraryVersionRepository versions, CatalogService catalog, Clock clock) {
        this.shelves = shelves;
        this.versions = versions;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Adds catalog entries to a shelf. All or nothing: when any id is unknown to the catalog,
     * nothing is added and the 404 names the unknown ids. Entries already there keep their time.
     */
    @Transactional
    public void add(UUID userId, Shelf shelf, List<Long> requested) {
        List<Long> ids = Batch.ids(requested);
        List<Long> unknown = shelves.unknown(shelf, ids);
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("The catalog has no " + shelf.noun + " "
                            + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + "; nothing was changed.")
                    .with("unknownIds", unknown);
        }
        int added;
        try {
            added = shelves.add(shelf, userId, ids, Cursors.now(clock));
        } catch (DataIntegrityViolationException e) { // an entry was deleted from the catalog meanwhile
            throw ApiException.notFound(
                    "Some of these " + shelf.noun + "s were just removed from the catalog; " + "nothing was changed.");
        }
        if (added > 0) {
            versions.bump(userId);
        }
    }

    /** Removes entries; ids not on the shelf are ignored. */
    @Transactional
    public void remove(UUID userId, Shelf shelf, List<Long> requested) {
        if (shelves.remove(shelf, userId, Batch.ids(requested)) > 0) {
            versions.bump(userId);
        }
    }

    /** For each id, in the order asked, whether it is on the shelf. */
    @Transactional(readOnly = true)
    public List<Boolean> contains(UUID userId, Shelf shelf, List<Long> requested) {
        Set<Long> found = shelves.contained(shelf, userId, Batch.ids(requested));
        return requested.stream().map(found::contains).toList();
    }

    @Transactional(readOnly = true)
    public Page<SavedTrack> savedTracks(UUID userId, int limit, String cursor) {
        return trackShelf(userId, Shelf.SAVED_TRACKS, limit, cursor);
    }

    /** The user's loved tracks, newest first ({@code savedAt} is when each was loved). */
    @Transactional(readOnly = true)
    public Page<SavedTrack> lovedTracks(UUID userId, int limit, String cursor) {
        return trackShelf(userId, Shelf.LOVED_TRACKS, limit, cursor);
    }

    /** A page of a shelf of tracks, each rendered with the reader's own state. */
    private Page<SavedTrack> trackShelf(UUID userId, Shelf shelf, int limit, String cursor) {
        return page(
                userId,
                shelf,
                limit,
                cursor,
                ids -> catalog.tracks(userId, ids).stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity())),
                SavedTrack::new);
    }

    @Transactional(readOnly = true)
    public Page<SavedAlbum> savedAlbums(UUID userId, int limit, String cursor) {
        return page(
                userId,
                Shelf.SAVED_ALBUMS,
                limit,
                cursor,
                ids -> shelves.albums(ids).stream().collect(Collectors.toMap(AlbumSummary::id, Function.identity())),
                SavedAlbum::new);
    }

    @Transactional(readOnly = true)
    public Page<FollowedArtist> followedArtists(UUID userId, int limit, String cursor) {
        return page(
                userId,
                Shelf.FOLLOWED_ARTISTS,
                limit,
                cursor,
                ids -> shelves.artists(ids).stream().collect(Collectors.toMap(ArtistSummary::id, Function.identity())),
                FollowedArtist::new);
    }

    /** One statement for the page's entries, one (or the catalog's fixed few) for their views. */
    private <V, T> Page<T> page(
            UUID userId,
            Shelf shelf,
            int limit,
            String cursor,
            Function<List<Long>, Map<Long, V>> views,
            java.util.function.BiFunction<Instant, V, T> item) {
        ShelfRepository.Entry after = Cursors.decode(cursor);
        List<ShelfRepository.Entry> rows = shelves.page(shelf, userId, after.at(), after.id(), limit + 1);
        return LibraryPages.of(rows, limit, views, item);
    }
}
