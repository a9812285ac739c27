package io.refrain.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.time.ClockTicker;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads of the shared catalog, cached in process. Admin writes invalidate the caches
 * ({@link #invalidate}); catalog imports by a separate CLI process show up when entries expire
 * (at most {@link #CACHE_TTL}).
 */
@Service
public class CatalogService {

    public static final int MAX_IDS = 100;
    static final Duration CACHE_TTL = Duration.ofMinutes(10);

    private final CatalogRepository catalog;
    private final AccessTracker access;
    private final List<TrackPersonalisation> personalisation;
    private final Cache<Long, TrackView> tracks;
    private final Cache<Long, AlbumView> albums;
    private final Cache<Long, ArtistView> artists;

    CatalogService(
            CatalogRepository catalog,
            AccessTracker access,
            List<TrackPersonalisation> personalisation,
            MeterRegistry meters,
            Clock clock) {
        this.tracks = viewCache(100_000, clock);
        this.albums = viewCache(10_000, clock);
        this.artists = viewCache(10_000, clock);
        this.catalog = catalog;
        this.access = access;
        this.personalisation = personalisation;
        // hit rates, sizes and evictions on /actuator/prometheus (cache_gets_total{cache="catalog.tracks",…})
        CaffeineCacheMetrics.monitor(meters, tracks, "catalog.tracks");
        CaffeineCacheMetrics.monitor(meters, albums, "catalog.albums");
        CaffeineCacheMetrics.monitor(meters, artists, "catalog.artists");
    }

    private static <V> Cache<Long, V> viewCache(int size, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterWrite(CACHE_TTL)
                .ticker(ClockTicker.of(clock))
                .recordStats()
                .build();
    }

    /** A track, with the reader's own state when {@code userId} is given. */
    public TrackView track(UUID userId, long id) {
        List<TrackView> found = tracks(userId, List.of(id));
        if (found.isEmpty()) {
            throw ApiException.notFound("There is no track " + id + ".");
        }
        return found.getFirst();
    }

    /**
     * The tracks with these ids, in the order asked, leaving out unknown ids, with the reader's
     * own state when {@code userId} is given. At most {@value #MAX_IDS}.
     */
    public List<TrackView> tracks(UUID userId, List<Long> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.invalidField("ids", "at most " + MAX_IDS + " ids at once");
        }
        var unique = new LinkedHashSet<>(ids);
        unique.remove(
                null); // an empty item of the list (`?ids=%20`, `?ids=1,,2`) is no id; the cache refuses null keys
        Map<Long, TrackView> found = tracks.getAll(unique, catalog::tracks); // one statement for all misses
        access.record(found.keySet());
        List<TrackView> ordered = new ArrayList<>(found.size());
        for (Long id : unique) {
            TrackView view = found.get(id);
            if (view != null) {
                ordered.add(view);
            }
        }
        return personalise(userId, ordered);
    }

    public AlbumView album(UUID userId, long id) {
        AlbumView view = albums.get(id, key -> catalog.album(key).orElse(null));
        if (view == null) {
            throw ApiException.notFound("There is no album " + id + ".");
        }
        return view.withTracks(personalise(userId, view.tracks()));
    }

    public ArtistView artist(UUID userId, long id) {
        ArtistView view = artists.get(id, key -> catalog.artist(key).orElse(null));
        if (view == null) {
            throw ApiException.notFound("There is no artist " + id + ".");
        }
        return view.withTopTracks(personalise(userId, view.topTracks()));
    }

    /**
     * The same views with the user's own state of each track (one query for all); unchanged when
     * no user is given or no module supplies such state.
     */
    public List<TrackView> personalise(UUID userId, List<TrackView> views) {
        if (userId == null || personalisation.isEmpty() || views.isEmpty()) {
            return views;
        }
        List<Long> ids = views.stream().map(TrackView::id).distinct().toList();
        Map<Long, TrackView.Personal> states = new java.util.HashMap<>();
        personalisation.forEach(source -> states.putAll(source.of(userId, ids)));
        return views.stream()
                .map(v -> v.withPersonal(states.getOrDefault(v.id(), TrackView.Personal.NONE)))
                .toList();
    }

    public List<GenreView> genres() {
        return catalog.genres();
    }

    /** Where a page of a genre's tracks continues: after this popularity and track id. */
    private record GenreCursor(int popularity, long trackId) {
        static final GenreCursor FIRST = new GenreCursor(101, 0); // above any popularity (0–100)
    }

    private static final CursorCodec<GenreCursor> GENRE_CURSOR = CursorCodec.of(GenreCursor.class);

    /** A genre's tracks, most popular first, cursor-paginated. */
    public Page<TrackView> genreTracks(UUID userId, String genre, int limit, String cursor) {
        int genreId = catalog.genreId(genre.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("There is no genre '" + genre + "'."));
        GenreCursor after = GENRE_CURSOR.decodeOr(cursor, GenreCursor.FIRST);
        var rows = catalog.genreTracks(genreId, after.popularity(), after.trackId(), limit + 1);
        boolean more = rows.size() > limit;
        var pageRows = more ? rows.subList(0, limit) : rows;
        List<TrackView> items = personalise(
                userId, pageRows.stream().map(row -> catalog.parse(row.doc())).toList());
        String next = more
                ? GENRE_CURSOR.encode(new GenreCursor(
                        pageRows.getLast().popularity(), pageRows.getLast().trackId()))
                : null;
        return new Page<>(items, next);
    }

    /** Drops cached views after an admin change; album and artist views embed tracks, so they all go. */
    public void invalidate(Long trackId) {
        if (trackId != null) {
            tracks.invalidate(trackId);
        } else {
            tracks.invalidateAll();
        }
        albums.invalidateAll();
        artists.invalidateAll();
    }
}
