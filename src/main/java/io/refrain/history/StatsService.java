package io.refrain.history;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.Limits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Top lists and activity over a range, from the statistics the write path keeps current. */
@Service
public class StatsService {

    /** One entry of a top list; exactly one of track / artist / album / genre is set. */
    public record TopItem(
            int rank, long plays, long msPlayed, TrackView track, Named artist, Named album, Named genre) {}

    /** An artist, album (with its artists in {@code by}) or genre. */
    public record Named(long id, String name, String by) {}

    public record TopList(String range, LocalDate from, LocalDate to, List<TopItem> items) {}

    public record Activity(
            String range,
            LocalDate from,
            LocalDate to,
            long plays,
            long msPlayed,
            List<StatsRepository.Bucket> days,
            List<StatsRepository.Bucket> months,
            List<StatsRepository.Bucket> hours) {}

    private final StatsRepository stats;
    private final CatalogService catalog;
    private final Clock clock;

    StatsService(StatsRepository stats, CatalogService catalog, Clock clock) {
        this.stats = stats;
        this.catalog = catalog;
        this.clock = clock;
    }

    public TopList top(UUID userId, String kind, String range, Integer limit, Integer offset) {
        StatsRepository.Kind what =
                switch (kind) {
                    case "tracks" -> StatsRepository.Kind.TRACKS;
                    case "artists" -> StatsRepository.Kind.ARTISTS;
                    case "albums" -> StatsRepository.Kind.ALBUMS;
                    case "genres" -> StatsRepository.Kind.GENRES;
                    default ->
                        throw ApiException.notFound(
                                "There are top lists of tracks, artists, albums and genres, not '" + kind + "'.");
                };
        if (offset != null && (offset < 0 || offset > 1000)) {
            throw ApiException.invalidField("offset", "must be between 0 and 1000");
        }
        StatsRange r = StatsRange.parse(range);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = r.from(today);
        int first = offset == null ? 0 : offset;
        List<StatsRepository.Ranked> rows =
                stats.top(userId, what, from, today, Limits.pageSize(limit, 20, 100), first);
        Map<Long, TrackView> tracks = what != StatsRepository.Kind.TRACKS
                ? Map.of()
                : catalog
                        .tracks(
                                userId,
                                rows.stream().map(StatsRepository.Ranked::id).toList())
                        .stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity()));
        List<TopItem> items = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            Named named = row.name() == null ? null : new Named(row.id(), row.name(), row.detail());
            items.add(new TopItem(
                    first + i + 1,
                    row.plays(),
                    row.msPlayed(),
                    what == StatsRepository.Kind.TRACKS ? tracks.get(row.id()) : null,
                    what == StatsRepository.Kind.ARTISTS ? named : null,
                    what == StatsRepository.Kind.ALBUMS ? named : null,
                    what == StatsRepository.Kind.GENRES ? named : null));
        }
        return new TopList(r.label(), from, today, items);
    }

    public Activity activity(UUID userId, String range) {
        StatsRange r = StatsRange.parse(range);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = r.from(today);
        List<StatsRepository.Bucket> periods = stats.perDay(userId, from);
        List<StatsRepository.Bucket> hours = stats.perHour(userId, from);
        long plays = hours.stream().mapToLong(StatsRepository.Bucket::plays).sum();
        long ms = hours.stream().mapToLong(StatsRepository.Bucket::msPlayed).sum();
        return new Activity(
                r.label(), from, today, plays, ms, from == null ? null : periods, from == null ? periods : null, hours);
    }
}
