package io.refrain.recommend;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Popular now: most played and most listened-to tracks, artists and albums of the last 7 and 30
 * days, overall and per genre. A job replaces the lists in one transaction (readers keep seeing
 * the previous lists until it commits); reads are keyset pages by rank.
 */
@Service
public class PopularNow {

    private static final Logger log = LoggerFactory.getLogger(PopularNow.class);

    private record After(int rank) {}

    private static final CursorCodec<After> CURSOR = CursorCodec.of(After.class);

    /** One entry: its rank in the list asked for, counts, and the track (for tracks) or the name. */
    @Schema(description = "one entry of a popular-now list")
    public record Entry(
            int rank,
            @Schema(description = "track, artist or album") String kind,
            long id,
            String name,
            long plays,
            @Schema(description = "distinct listeners") int listeners,

            @Schema(description = "the track, for track lists")
            TrackView track,

            Instant refreshedAt) {}

    record Refresh(int entries, long millis) {}

    private final PopularRepository popular;
    private final CatalogService catalog;
    private final RecommendProperties.Popular settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PopularNow(
            PopularRepository popular,
            CatalogService catalog,
            RecommendProperties settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.popular = popular;
        this.catalog = catalog;
        this.settings = settings.popular();
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${refrain.recommend.popular.refresh-interval}", initialDelayString = "PT10S")
    @SchedulerLock(
            name = "recommend.popular-now",
            lockAtMostFor = "30m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduledRefresh() {
        Instant now = clock.instant();
        // a restart does not recount lists that are still fresh (the first tick comes 10 s after start)
        if (popular.lastRefreshed()
                .filter(at -> at.isAfter(now.minus(settings.refreshInterval())))
                .isEmpty()) {
            refresh(now);
        }
    }

    Refresh refresh() {
        return refresh(clock.instant());
    }

    /** Recounts every list as of {@code now} (the evaluation passes its split time). */
    Refresh refresh(Instant now) {
        long started = System.currentTimeMillis();
        int entries = transaction.execute(status -> popular.refresh(now, settings.size()));
        var result = new Refresh(entries, System.currentTimeMillis() - started);
        log.info("Popular now refreshed: {} entries in {} ms", result.entries(), result.millis());
        return result;
    }

    @Transactional(readOnly = true)
    public Page<Entry> page(
            UUID reader, String kind, String window, String genre, String by, int limit, String cursor) {
        String k =
                switch (kind) {
                    case "tracks" -> "track";
                    case "artists" -> "artist";
                    case "albums" -> "album";
                    default -> throw ApiException.invalidField("kind", "must be tracks, artists or albums");
                };
        int days =
                switch (window == null ? "7d" : window) {
                    case "7d" -> 7;
                    case "30d" -> 30;
                    default -> throw ApiException.invalidField("window", "must be 7d or 30d");
                };
        boolean byListeners =
                switch (by == null ? "plays" : by) {
                    case "plays" -> false;
                    case "listeners" -> true;
                    default -> throw ApiException.invalidField("by", "must be plays or listeners");
                };
        int genreId = genre == null
                ? 0
                : popular.genreId(genre)
                        .orElseThrow(() -> ApiException.invalidField("genre", "there is no genre '" + genre + "'"));
        After after = CURSOR.decodeOr(cursor, new After(0));
        List<PopularRepository.Row> rows =
                popular.page(days, genreId, k, byListeners, after.rank(), limit + 1, settings.size());
        boolean more = rows.size() > limit;
        List<PopularRepository.Row> shown = more ? rows.subList(0, limit) : rows;
        Map<Long, TrackView> tracks = k.equals("track")
                ? catalog
                        .tracks(
                                reader,
                                shown.stream().map(PopularRepository.Row::id).toList())
                        .stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity()))
                : Map.of();
        List<Entry> items = shown.stream()
                .map(r -> new Entry(
                        r.rank(), k, r.id(), r.name(), r.plays(), r.listeners(), tracks.get(r.id()), r.refreshedAt()))
                .toList();
        return new Page<>(items, more ? CURSOR.encode(new After(shown.getLast().rank())) : null);
    }
}
