package io.refrain.search;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Search, autocomplete and recent searches. */
@Service
public class SearchService {

    public static final int MAX_QUERY = 200;

    public enum Type {
        TRACK,
        ARTIST,
        ALBUM
    }

    private final SearchRepository search;
    private final RecentSearchRepository recent;
    private final CatalogService catalog;
    private final Clock clock;

    SearchService(SearchRepository search, RecentSearchRepository recent, CatalogService catalog, Clock clock) {
        this.search = search;
        this.recent = recent;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A page of one type's hits continues after this score and id. */
    private record HitCursor(Type type, BigDecimal score, long id) {}

    private static final CursorCodec<HitCursor> CURSOR = CursorCodec.of(HitCursor.class);

    /**
     * Ranked search. With a cursor exactly one type must be asked for (cursors page one type).
     * The first page of a search is recorded in the user's recent searches.
     */
    @Transactional
    public SearchResults search(UUID userId, String q, Set<Type> types, int limit, String cursor) {
        String query = validQuery(q);
        Set<Type> wanted = types.isEmpty() ? EnumSet.allOf(Type.class) : types;
        if (cursor != null && wanted.size() != 1) {
            throw ApiException.invalidField("type", "with a cursor, name the one type the cursor belongs to");
        }
        HitCursor after = CURSOR.decode(cursor);
        if (after != null && after.type() != wanted.iterator().next()) {
            throw CursorCodec.invalid(); // another type's cursor
        }
        BigDecimal afterScore = after == null ? SearchRepository.FIRST_PAGE_SCORE : after.score();
        long afterId = after == null ? 0 : after.id();
        String normalized = searchable(search.prepare(query, true));
        var results = new SearchResults(
                wanted.contains(Type.TRACK) ? trackPage(userId, normalized, afterScore, afterId, limit) : null,
                wanted.contains(Type.ARTIST) ? artistPage(normalized, afterScore, afterId, limit) : null,
                wanted.contains(Type.ALBUM) ? albumPage(normalized, afterScore, afterId, limit) : null);
        if (cursor == null) {
            recent.record(userId, query, clock.instant());
        }
        return results;
    }

    @Transactional(readOnly = true)
    public List<Suggestion> suggest(String q, int limit) {
        return search.suggest(searchable(search.prepare(validQuery(q), false)), limit);
    }

    @Transactional(readOnly = true)
    public List<RecentSearch> recentSearches(UUID userId) {
        return recent.list(userId);
    }

    @Transactional
    public void clearRecentSearches(UUID userId, String query) {
        if (query == null) {
            recent.clear(userId);
        } else {
            recent.remove(userId, query);
        }
    }

    private Page<TrackView> trackPage(UUID userId, String q, BigDecimal afterScore, long afterId, int limit) {
        var hits = search.tracks(q, afterScore, afterId, limit + 1);
        return page(hits, limit, Type.TRACK, ids -> catalog.tracks(userId, ids), TrackView::id);
    }

    private Page<SearchResults.ArtistResult> artistPage(String q, BigDecimal afterScore, long afterId, int limit) {
        var hits = search.artists(q, afterScore, afterId, limit + 1);
        return page(
                hits,
                limit,
                Type.ARTIST,
                ids -> search.artistsByIds(ids).stream()
                        .map(a -> new SearchResults.ArtistResult(a.id(), a.name(), a.popularity()))
                        .toList(),
                SearchResults.ArtistResult::id);
    }

    private Page<SearchResults.AlbumResult> albumPage(String q, BigDecimal afterScore, long afterId, int limit) {
        var hits = search.albums(q, afterScore, afterId, limit + 1);
        return page(
                hits,
                limit,
                Type.ALBUM,
                ids -> search.albumsByIds(ids).stream()
                        .map(a -> new SearchResults.AlbumResult(a.id(), a.title(), a.releaseDate(), a.artists()))
                        .toList(),
                SearchResults.AlbumResult::id);
    }

    /** Loads the views of one page of hits in one go and keeps the ranking order. */
    private static <T> Page<T> page(
            List<SearchRepository.Hit> hits,
            int limit,
            Type type,
            Function<List<Long>, List<T>> load,
            Function<T, Long> idOf) {
        boolean more = hits.size() > limit;
        List<SearchRepository.Hit> shown = more ? hits.subList(0, limit) : hits;
        Map<Long, T> byId = load
                .apply(shown.stream().map(SearchRepository.Hit::id).toList())
                .stream()
                .collect(Collectors.toMap(idOf, Function.identity()));
        List<T> items = shown.stream()
                .map(h -> byId.get(h.id()))
                .filter(java.util.Objects::nonNull)
                .toList();
        String next = more
                ? CURSOR.encode(new HitCursor(
                        type, shown.getLast().score(), shown.getLast().id()))
                : null;
        return new Page<>(items, next);
    }

    private static String validQuery(String q) {
        if (q == null || q.isBlank()) {
            throw ApiException.invalidField("q", "must not be blank");
        }
        String query = q.strip();
        if (query.length() > MAX_QUERY) {
            throw ApiException.invalidField("q", "must be at most " + MAX_QUERY + " characters");
        }
        if (query.indexOf('\0') >= 0) {
            throw ApiException.invalidField("q", "must not contain NUL characters");
        }
        if (query.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiException.invalidField("q", "must contain a letter or digit");
        }
        return query;
    }

    /** A query of only marks that normalisation drops ("ˆ", "ʼ") has nothing left to search for. */
    private static String searchable(String normalized) {
        if (normalized.isEmpty()) {
            throw ApiException.invalidField("q", "must contain a letter or digit");
        }
        return normalized;
    }
}
