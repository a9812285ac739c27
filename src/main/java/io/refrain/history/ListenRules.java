package io.refrain.history;

import io.refrain.platform.errors.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a listen must satisfy to be stored, for every door: each door runs it once, where its
 * request becomes {@link ListenInput}s ({@code ListenRequestReader}, the ListenBrainz
 * {@code SubmissionParser}, the importer per row), before {@link ListenIngestion} is called.
 * Problems are named by JSON path ({@code listens[3].listenedAt}) so a client can tell which item
 * of a batch failed and why.
 */
@Component
public class ListenRules {

    /** Last.fm's scrobbling began then; nothing earlier can be a real scrobble. */
    public static final Instant EARLIEST = Instant.parse("2002-10-01T00:00:00Z");

    public static final Duration MAX_FUTURE = Duration.ofHours(1);
    public static final int MAX_BATCH = 1000;
    public static final int MAX_NAME = 500;
    public static final int MAX_MS = 86_400_000;
    static final Set<String> CONTEXT_TYPES =
            Set.of("playlist", "album", "artist", "party", "radio", "search", "library", "other");

    private final Clock clock;

    ListenRules(Clock clock) {
        this.clock = clock;
    }

    /** Every problem of every listen; empty when all may be stored. {@code prefix} is e.g. "listens". */
    public List<FieldProblem> check(List<ListenInput> listens, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant latest = clock.instant().plus(MAX_FUTURE);
        for (int i = 0; i < listens.size(); i++) {
            check(listens.get(i), prefix == null ? "" : prefix + "[" + i + "].", latest, problems);
        }
        return problems;
    }

    private static void check(ListenInput listen, String at, Instant latest, List<FieldProblem> problems) {
        if (listen.listenedAt() == null) {
            problems.add(new FieldProblem(at + "listenedAt", "is required"));
        } else if (listen.listenedAt().isBefore(EARLIEST)) {
            problems.add(new FieldProblem(at + "listenedAt", "is before 2002-10-01, earlier than any scrobble can be"));
        } else if (listen.listenedAt().isAfter(latest)) {
            problems.add(new FieldProblem(at + "listenedAt", "is more than an hour in the future"));
        }
        if (listen.msPlayed() != null && (listen.msPlayed() < 0 || listen.msPlayed() > MAX_MS)) {
            problems.add(new FieldProblem(at + "msPlayed", "must be between 0 and 86400000 (24 hours)"));
        }
        var track = listen.track();
        if (track == null) {
            problems.add(new FieldProblem(at + "track", "is required"));
        } else if (track.trackId() == null) {
            name(track.artist(), at + "track.artist", true, problems);
            name(track.title(), at + "track.title", true, problems);
            name(track.album(), at + "track.album", false, problems);
            if (track.durationMs() != null && (track.durationMs() < 1 || track.durationMs() > MAX_MS)) {
                problems.add(new FieldProblem(at + "track.durationMs", "must be between 1 and 86400000 (24 hours)"));
            }
            id(track.isrc(), at + "track.isrc", problems);
            id(track.recordingMbid(), at + "track.recordingMbid", problems);
            id(track.spotifyId(), at + "track.spotifyId", problems);
        } else if (track.trackId() < 1) {
            problems.add(new FieldProblem(at + "track.id", "must be a catalog id (positive)"));
        }
        if (listen.contextType() != null && !CONTEXT_TYPES.contains(listen.contextType())) {
            problems.add(new FieldProblem(
                    at + "context.type",
                    "must be one of "
                            + String.join(", ", CONTEXT_TYPES.stream().sorted().toList())));
        }
        if (listen.contextId() != null
                && (listen.contextId().isBlank() || listen.contextId().length() > 200 || hasNul(listen.contextId()))) {
            problems.add(new FieldProblem(at + "context.id", "must be 1–200 characters without NUL"));
        }
        if (listen.client() != null
                && (listen.client().isBlank() || listen.client().length() > 100 || hasNul(listen.client()))) {
            problems.add(new FieldProblem(at + "client", "must be 1–100 characters without NUL"));
        }
    }

    private static void name(String value, String field, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "must not be empty"));
            }
        } else if (value.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_NAME + " characters"));
        } else if (hasNul(value)) {
            problems.add(new FieldProblem(field, "must not contain NUL characters"));
        }
    }

    private static void id(String value, String field, List<FieldProblem> problems) {
        if (value != null && (value.isBlank() || value.length() > 200 || hasNul(value))) {
            problems.add(new FieldProblem(field, "must be 1–200 characters without NUL"));
        }
    }

    static boolean hasNul(String value) {
        return value.indexOf('\0') >= 0;
    }
}
