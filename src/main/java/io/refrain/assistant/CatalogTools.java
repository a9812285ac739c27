package io.refrain.assistant;

import io.refrain.catalog.AlbumView;
import io.refrain.catalog.ArtistView;
import io.refrain.catalog.CatalogService;
import io.refrain.platform.web.Page;
import io.refrain.search.SearchResults;
import io.refrain.search.SearchService;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Finding music: search, and tracks, albums and artists by id. */
@Component
class CatalogTools {

    private final SearchService search;
    private final CatalogService catalog;

    CatalogTools(SearchService search, CatalogService catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    record SearchAnswer(
            Page<Briefs.Track> tracks,
            Page<SearchResults.ArtistResult> artists,
            Page<SearchResults.AlbumResult> albums) {}

    record ItemsAnswer(List<Briefs.Track> tracks, AlbumAnswer album, ArtistAnswer artist) {}

    record AlbumAnswer(
            long id,
            String title,
            String releaseDate,
            Integer popularity,
            List<AlbumView.ArtistRef> artists,
            List<Briefs.Track> tracks) {}

    record ArtistAnswer(
            long id,
            String name,
            Integer popularity,
            List<String> genres,
            List<String> albums,
            List<Briefs.Track> topTracks) {}

    List<AssistantTool> tools() {
        return List.of(
                new AssistantTool(
                        "search_catalog",
                        "Search the catalog",
                        """
                        Searches Refrain's catalog for tracks, artists and albums by name (accent-insensitive, typo-tolerant). \
                        Use the ids it returns with the other tools. `types` limits the kinds (default all three); `limit` is \
                        per kind (1–50, default 10); pass a kind's `next` as `cursor` with that one kind in `types` for more.""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["query"], "properties": {
                          "query": {"type": "string", "minLength": 1, "maxLength": 200, "description": "what to look for"},
                          "types": {"type": "array", "items": {"type": "string", "enum": ["track", "artist", "album"]}},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 50},
                          "cursor": {"type": "string"}}}""",
                        """
                        {"type": "object", "properties": {
                          "tracks": {"type": ["object", "null"], "properties": {"items": {"type": "array", "items": %s}, "next": {"type": ["string", "null"]}}},
                          "artists": {"type": ["object", "null"], "properties": {"items": {"type": "array"}, "next": {"type": ["string", "null"]}}},
                          "albums": {"type": ["object", "null"], "properties": {"items": {"type": "array"}, "next": {"type": ["string", "null"]}}}}}""".formatted(Briefs.TRACK_SCHEMA),
                        this::search),
                new AssistantTool(
                        "get_catalog_items",
                        "Get tracks, an album or an artist",
                        """
                        Details by id: `kind` track with `ids` (1–50 track ids) gives those tracks with your own state \
                        (saved, rating, loved); `kind` album or artist with one id in `ids` gives the album with its tracks, \
                        or the artist with genres, albums and top tracks.""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["kind", "ids"], "properties": {
                          "kind": {"type": "string", "enum": ["track", "album", "artist"]},
                          "ids": {"type": "array", "minItems": 1, "maxItems": 50, "items": {"type": "integer", "minimum": 1}}}}""",
                        """
                        {"type": "object", "properties": {
                          "tracks": {"type": ["array", "null"], "items": %s},
                          "album": {"type": ["object", "null"]}, "artist": {"type": ["object", "null"]}}}""".formatted(Briefs.TRACK_SCHEMA),
                        this::items));
    }

    private AssistantTool.Result search(McpCaller caller, Arguments args) {
        String query = args.string("query", 200);
        Set<SearchService.Type> types = EnumSet.noneOf(SearchService.Type.class);
        for (String type : args.strings("types", 3, 10)) {
            switch (type) {
                case "track", "artist", "album" -> types.add(SearchService.Type.valueOf(type.toUpperCase(Locale.ROOT)));
                default -> throw ToolFailure.argument("types", "may hold track, artist and album; not '" + type + "'.");
            }
        }
        SearchResults r = search.search(
                caller.userId(), query, types, args.integer("limit", 1, 50, 10), args.optionalString("cursor", 500));
        Page<Briefs.Track> tracks = r.tracks() == null
                ? null
                : new Page<>(Briefs.of(r.tracks().items()), r.tracks().next());
        SearchAnswer answer = new SearchAnswer(tracks, r.artists(), r.albums());
        StringBuilder text = new StringBuilder();
        if (tracks != null) {
            text.append("Tracks:\n").append(Briefs.lines(tracks.items()));
        }
        if (r.artists() != null) {
            text.append("Artists: ");
            r.artists()
                    .items()
                    .forEach(a ->
                            text.append(a.name()).append(" (id ").append(a.id()).append("); "));
            text.append('\n');
        }
        if (r.albums() != null) {
            text.append("Albums: ");
            r.albums().items().forEach(a -> text.append(a.title())
                    .append(" by ")
                    .append(a.artists())
                    .append(" (id ")
                    .append(a.id())
                    .append("); "));
        }
        return AssistantTool.Result.of(answer, text.toString().strip());
    }

    private AssistantTool.Result items(McpCaller caller, Arguments args) {
        String kind = args.string("kind", 10);
        List<Long> ids = args.ids("ids", 1, 50);
        switch (kind) {
            case "track" -> {
                List<Briefs.Track> tracks = Briefs.of(catalog.tracks(caller.userId(), ids));
                return new AssistantTool.Result(
                        new ItemsAnswer(tracks, null, null),
                        Briefs.lines(tracks),
                        tracks.stream()
                                .map(t -> new AssistantTool.Link(
                                        McpResources.trackUri(t.id()), t.title(), "the track " + t.title()))
                                .toList());
            }
            case "album" -> {
                AlbumView a = catalog.album(caller.userId(), single(ids));
                List<Briefs.Track> tracks = Briefs.of(a.tracks());
                return AssistantTool.Result.of(
                        new ItemsAnswer(
                                null,
                                new AlbumAnswer(
                                        a.id(), a.title(), a.releaseDate(), a.popularity(), a.artists(), tracks),
                                null),
                        a.title() + " (" + a.releaseDate() + ")\n" + Briefs.lines(tracks));
            }
            case "artist" -> {
                ArtistView a = catalog.artist(caller.userId(), single(ids));
                List<Briefs.Track> top = Briefs.of(a.topTracks());
                List<String> albums = a.albums().stream()
                        .map(al -> al.title() + " (id " + al.id() + ")")
                        .toList();
                return AssistantTool.Result.of(
                        new ItemsAnswer(
                                null,
                                null,
                                new ArtistAnswer(a.id(), a.name(), a.popularity(), a.genres(), albums, top)),
                        a.name() + " — " + String.join(", ", a.genres()) + "\nTop tracks:\n" + Briefs.lines(top));
            }
            default -> throw ToolFailure.argument("kind", "must be track, album or artist.");
        }
    }

    private static long single(List<Long> ids) {
        if (ids.size() != 1) {
            throw ToolFailure.argument("ids", "must hold exactly one id for an album or an artist.");
        }
        return ids.getFirst();
    }
}
