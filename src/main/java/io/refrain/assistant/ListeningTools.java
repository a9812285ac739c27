package io.refrain.assistant;

import io.refrain.history.HistoryService;
import io.refrain.history.PlayedTrack;
import io.refrain.history.StatsService;
import io.refrain.library.LibraryService;
import io.refrain.library.TagService;
import io.refrain.platform.web.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The user's own music: their library and their listening. */
@Component
class ListeningTools {

    private final LibraryService library;
    private final TagService tags;
    private final StatsService stats;
    private final HistoryService history;

    ListeningTools(LibraryService library, TagService tags, StatsService stats, HistoryService history) {
        this.library = library;
        this.tags = tags;
        this.stats = stats;
        this.history = history;
    }

    record LibraryAnswer(String section, List<?> items, String next) {}

    record SavedTrack(Instant savedAt, Briefs.Track track) {}

    record StatsAnswer(String report, String range, Object data) {}

    record Played(Instant listenedAt, Integer msPlayed, boolean skipped, Briefs.Track track) {}

    List<AssistantTool> tools() {
        return List.of(
                new AssistantTool(
                        "get_my_library",
                        "Your library",
                        """
                        The user's library, newest first: `saved_tracks`, `loved_tracks`, `saved_albums`, `followed_artists`, or `tags` (their \
                        own tags with track counts). Every track shows the user's rating and loved flag in `me`. `limit` 1–50 \
                        (default 20); pass `next` back as `cursor` for more.""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["section"], "properties": {
                          "section": {"type": "string", "enum": ["saved_tracks", "loved_tracks", "saved_albums", "followed_artists", "tags"]},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50},
                          "cursor": {"type": "string"}}}""",
                        """
                        {"type": "object", "required": ["section", "items"], "properties": {
                          "section": {"type": "string"}, "items": {"type": "array"}, "next": {"type": ["string", "null"]}}}""",
                        this::library),
                new AssistantTool(
                        "get_listening_stats",
                        "Your listening statistics",
                        """
                        The user's listening, up to the last listen (statistics are kept in real time): `top_tracks`, \
                        `top_artists`, `top_albums`, `top_genres` (ranked by plays), `activity` (plays per day or month and \
                        per hour of day, UTC) or `recently_played`. `range` week, month, year or all_time (default; not for \
                        recently_played). `limit` 1–50 (default 10).""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["report"], "properties": {
                          "report": {"type": "string", "enum": ["top_tracks", "top_artists", "top_albums", "top_genres", "activity", "recently_played"]},
                          "range": {"type": "string", "enum": ["week", "month", "year", "all_time"]},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50}}}""",
                        """
                        {"type": "object", "required": ["report", "data"], "properties": {
                          "report": {"type": "string"}, "range": {"type": ["string", "null"]}, "data": {"type": "object"}}}""",
                        this::stats));
    }

    private AssistantTool.Result library(McpCaller caller, Arguments args) {
        String section = args.string("section", 20);
        int limit = args.integer("limit", 1, 50, 20);
        String cursor = args.optionalString("cursor", 500);
        return switch (section) {
            case "saved_tracks" -> {
                var page = library.savedTracks(caller.userId(), limit, cursor);
                List<SavedTrack> items = page.items().stream()
                        .map(s -> new SavedTrack(s.savedAt(), Briefs.of(s.track())))
                        .toList();
                yield AssistantTool.Result.of(
                        new LibraryAnswer(section, items, page.next()),
                        items.size() + " saved tracks:\n"
                                + Briefs.lines(
                                        items.stream().map(SavedTrack::track).toList()));
            }
            case "loved_tracks" -> {
                var page = library.lovedTracks(caller.userId(), limit, cursor);
                List<SavedTrack> items = page.items().stream()
                        .map(s -> new SavedTrack(s.savedAt(), Briefs.of(s.track())))
                        .toList();
                yield AssistantTool.Result.of(
                        new LibraryAnswer(section, items, page.next()),
                        items.size() + " loved tracks:\n"
                                + Briefs.lines(
                                        items.stream().map(SavedTrack::track).toList()));
            }
            case "saved_albums" -> {
                var page = library.savedAlbums(caller.userId(), limit, cursor);
                StringBuilder text = new StringBuilder(page.items().size() + " saved albums:\n");
                page.items().forEach(a -> text.append("- ")
                        .append(a.album().title())
                        .append(" (id ")
                        .append(a.album().id())
                        .append(")\n"));
                yield AssistantTool.Result.of(new LibraryAnswer(section, page.items(), page.next()), text.toString());
            }
            case "followed_artists" -> {
                var page = library.followedArtists(caller.userId(), limit, cursor);
                StringBuilder text = new StringBuilder(page.items().size() + " followed artists:\n");
                page.items().forEach(a -> text.append("- ")
                        .append(a.artist().name())
                        .append(" (id ")
                        .append(a.artist().id())
                        .append(")\n"));
                yield AssistantTool.Result.of(new LibraryAnswer(section, page.items(), page.next()), text.toString());
            }
            case "tags" -> {
                Page<TagService.TagView> page = tags.tags(caller.userId(), limit, cursor);
                StringBuilder text = new StringBuilder(page.items().size() + " tags:\n");
                page.items().forEach(t -> text.append("- ")
                        .append(t.name())
                        .append(": ")
                        .append(t.trackCount())
                        .append(" tracks\n"));
                yield AssistantTool.Result.of(new LibraryAnswer(section, page.items(), page.next()), text.toString());
            }
            default ->
                throw ToolFailure.argument(
                        "section", "must be saved_tracks, loved_tracks, saved_albums, followed_artists or tags.");
        };
    }

    private AssistantTool.Result stats(McpCaller caller, Arguments args) {
        String report = args.string("report", 20);
        String range = args.optionalString("range", 10);
        int limit = args.integer("limit", 1, 50, 10);
        return switch (report) {
            case "top_tracks", "top_artists", "top_albums", "top_genres" -> {
                StatsService.TopList top = stats.top(caller.userId(), report.substring(4), range, limit, 0);
                StringBuilder text = new StringBuilder("Top " + report.substring(4) + " (" + top.range() + "):\n");
                for (StatsService.TopItem item : top.items()) {
                    String name = item.track() != null
                            ? item.track().title() + " (track id "
                                    + item.track().id() + ")"
                            : named(
                                    item.artist() != null
                                            ? item.artist()
                                            : item.album() != null ? item.album() : item.genre());
                    text.append(item.rank())
                            .append(". ")
                            .append(name)
                            .append(": ")
                            .append(item.plays())
                            .append(" plays\n");
                }
                yield AssistantTool.Result.of(new StatsAnswer(report, top.range(), top), text.toString());
            }
            case "activity" -> {
                StatsService.Activity a = stats.activity(caller.userId(), range);
                yield AssistantTool.Result.of(
                        new StatsAnswer(report, a.range(), a),
                        a.plays() + " plays, " + (a.msPlayed() / 60_000) + " minutes, from " + a.from() + " to "
                                + a.to() + " (per day/month and per UTC hour in the structured content).");
            }
            case "recently_played" -> {
                Page<PlayedTrack> page = history.recentlyPlayed(caller.userId(), limit, null, null, null);
                List<Played> played = page.items().stream()
                        .map(p -> new Played(p.listenedAt(), p.msPlayed(), p.skipped(), Briefs.of(p.track())))
                        .toList();
                yield AssistantTool.Result.of(
                        new StatsAnswer(report, null, new Page<>(played, page.next())),
                        "Recently played:\n"
                                + Briefs.lines(
                                        played.stream().map(Played::track).toList()));
            }
            default ->
                throw ToolFailure.argument(
                        "report",
                        "must be top_tracks, top_artists, top_albums, top_genres, activity or recently_played.");
        };
    }

    private static String named(StatsService.Named n) {
        return n.name() + (n.by() == null ? "" : " by " + n.by()) + " (id " + n.id() + ")";
    }
}
