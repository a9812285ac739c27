package io.refrain.history;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reading one's own history: recently played and a track's plays, with full track views. */
@Service
public class HistoryService {

    /** A track's plays by the reader, newest first, and its all-time numbers. */
    public record TrackPlays(
            TrackView track,
            int plays,
            int skips,
            long msPlayed,
            Instant firstPlayedAt,
            Instant lastPlayedAt,
            List<PlayedTrack> items,
            String next) {}

    /** The times of a user's first and last stored listen. */
    public record ListenSpan(Instant first, Instant last) {}

    private final ListenReader reader;
    private final CatalogService catalog;

    HistoryService(ListenReader reader, CatalogService catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    public Page<PlayedTrack> recentlyPlayed(UUID userId, int limit, String cursor, Instant before, Instant after) {
        ListenReader.Position start = position(cursor);
        if (start == null && before != null) {
            start = new ListenReader.Position(before, 0); // strictly before that time
        }
        List<ListenReader.Stored> rows = reader.recent(userId, start, after, limit + 1);
        return page(userId, rows, limit);
    }

    /** When the user's first and last listens were; empty before the first listen. */
    public Optional<ListenSpan> span(UUID userId) {
        return reader.span(userId);
    }

    public TrackPlays trackPlays(UUID userId, long trackId, int limit, String cursor) {
        TrackView track = catalog.track(userId, trackId);
        List<ListenReader.Stored> rows = reader.ofTrack(userId, trackId, position(cursor), limit + 1);
        Page<PlayedTrack> page = page(userId, rows, limit);
        return reader.trackStats(userId, trackId)
                .map(s -> new TrackPlays(
                        track, s.plays(), s.skips(), s.msPlayed(), s.first(), s.last(), page.items(), page.next()))
                .orElse(new TrackPlays(track, 0, 0, 0, null, null, List.of(), null));
    }

    private Page<PlayedTrack> page(UUID userId, List<ListenReader.Stored> rows, int limit) {
        List<ListenReader.Stored> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        Map<Long, TrackView> tracks =
                catalog
                        .tracks(
                                userId,
                                shown.stream()
                                        .map(ListenReader.Stored::trackId)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity()));
        List<PlayedTrack> items = shown.stream()
                .map(s -> new PlayedTrack(
                        s.listenedAt(),
                        s.msPlayed(),
                        s.skipped(),
                        s.contextType() == null ? null : new PlayedTrack.Context(s.contextType(), s.contextId()),
                        s.client(),
                        tracks.get(s.trackId())))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            ListenReader.Stored last = shown.getLast();
            next = CURSOR.encode(new ListenCursor(last.listenedAt(), last.trackId()));
        }
        return new Page<>(items, next);
    }

    /** A page of listens continues after this listen (the time in microseconds, PostgreSQL's precision). */
    private record ListenCursor(@CursorCodec.EpochMicros Instant listenedAt, long trackId) {}

    private static final CursorCodec<ListenCursor> CURSOR = CursorCodec.of(ListenCursor.class);

    private static ListenReader.Position position(String cursor) {
        ListenCursor after = CURSOR.decode(cursor);
        return after == null ? null : new ListenReader.Position(after.listenedAt(), after.trackId());
    }
}
