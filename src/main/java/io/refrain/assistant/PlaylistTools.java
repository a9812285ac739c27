package io.refrain.assistant;

import io.refrain.platform.web.Page;
import io.refrain.playlists.PlaylistChange;
import io.refrain.playlists.PlaylistMaker;
import io.refrain.playlists.PlaylistRequests;
import io.refrain.playlists.PlaylistService;
import io.refrain.playlists.PlaylistTrackService;
import io.refrain.playlists.PlaylistView;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The user's playlists: list and read, create, and add, remove and move tracks. They go through
 * the playlists module's services, so the access rules (owner, editor, viewer), limits and the
 * activity feed are the REST API's.
 */
@Component
class PlaylistTools {

    private static final String REQUEST_ID = """
            "requestId": {"type": "string", "minLength": 1, "maxLength": 100, "description": "any string you choose \
            (e.g. a UUID); a retry with the same requestId answers the first call's result and changes nothing"}""";

    private final PlaylistService playlists;
    private final PlaylistTrackService tracks;
    private final PlaylistMaker maker;

    PlaylistTools(PlaylistService playlists, PlaylistTrackService tracks, PlaylistMaker maker) {
        this.playlists = playlists;
        this.tracks = tracks;
        this.maker = maker;
    }

    record Entry(long entryId, long position, Briefs.Track track) {}

    record PlaylistsAnswer(List<PlaylistView> playlists, PlaylistView playlist, List<Entry> entries, String next) {}

    record ChangeAnswer(UUID playlistId, long version, int changed, List<Long> entryIds) {}

    List<AssistantTool> tools() {
        return List.of(
                new AssistantTool(
                        "get_my_playlists",
                        "Your playlists",
                        """
                        Without `playlistId`: the playlists the user owns or collaborates on. With `playlistId`: that \
                        playlist and its entries in order (each with the `entryId` and `position` the remove and move tools \
                        take). `limit` 1–100 (default 20); pass `next` back as `cursor` for more.""",
                        AssistantTool.Kind.QUERY,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "playlistId": {"type": "string", "format": "uuid"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 100},
                          "cursor": {"type": "string"}}}""",
                        """
                        {"type": "object", "properties": {
                          "playlists": {"type": ["array", "null"]}, "playlist": {"type": ["object", "null"]},
                          "entries": {"type": ["array", "null"]}, "next": {"type": ["string", "null"]}}}""",
                        this::list),
                new AssistantTool(
                        "create_playlist",
                        "Create a playlist",
                        """
                        Makes a new private playlist of the user with `name` (1–100 characters), an optional `description` \
                        and optional `trackIds` (up to 100, in order). Needs mcp:write.""",
                        AssistantTool.Kind.QUERY,
                        true,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["name", "requestId"], "properties": {
                          "name": {"type": "string", "minLength": 1, "maxLength": 100},
                          "description": {"type": "string", "maxLength": 300},
                          "trackIds": {"type": "array", "maxItems": 100, "items": {"type": "integer", "minimum": 1}},
                          %s}}""".formatted(REQUEST_ID),
                        """
                        {"type": "object", "required": ["id", "name"], "properties": {
                          "id": {"type": "string"}, "name": {"type": "string"}, "trackCount": {"type": "integer"}}}""",
                        this::create),
                new AssistantTool(
                        "add_playlist_tracks",
                        "Add tracks to a playlist",
                        """
                        Adds `trackIds` (1–100, in order) to a playlist the user owns or edits, at `position` (0-based) or at \
                        the end. Needs mcp:write.""",
                        AssistantTool.Kind.QUERY,
                        true,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["playlistId", "trackIds", "requestId"], "properties": {
                          "playlistId": {"type": "string", "format": "uuid"},
                          "trackIds": {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "integer", "minimum": 1}},
                          "position": {"type": "integer", "minimum": 0},
                          %s}}""".formatted(REQUEST_ID),
                        CHANGE_SCHEMA,
                        this::add),
                new AssistantTool(
                        "remove_playlist_tracks",
                        "Remove tracks from a playlist",
                        """
                        Removes entries (by `entryIds` from get_my_playlists, 1–100) from a playlist the user owns or edits. \
                        This deletes them from the playlist. Needs mcp:write.""",
                        AssistantTool.Kind.QUERY,
                        true,
                        true,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["playlistId", "entryIds", "requestId"], "properties": {
                          "playlistId": {"type": "string", "format": "uuid"},
                          "entryIds": {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "integer", "minimum": 1}},
                          %s}}""".formatted(REQUEST_ID),
                        CHANGE_SCHEMA,
                        this::remove),
                new AssistantTool(
                        "move_playlist_tracks",
                        "Reorder a playlist",
                        """
                        Moves `rangeLength` entries (default 1) starting at position `rangeStart` to before the entry now at \
                        `insertBefore` (positions 0-based, counted before the move; the track count moves to the end). \
                        Needs mcp:write.""",
                        AssistantTool.Kind.QUERY,
                        true,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["playlistId", "rangeStart", "insertBefore", "requestId"], "properties": {
                          "playlistId": {"type": "string", "format": "uuid"},
                          "rangeStart": {"type": "integer", "minimum": 0},
                          "rangeLength": {"type": "integer", "minimum": 1},
                          "insertBefore": {"type": "integer", "minimum": 0},
                          %s}}""".formatted(REQUEST_ID),
                        CHANGE_SCHEMA,
                        this::move));
    }

    private static final String CHANGE_SCHEMA = """
            {"type": "object", "required": ["playlistId", "version", "changed"], "properties": {
              "playlistId": {"type": "string"}, "version": {"type": "integer"}, "changed": {"type": "integer"},
              "entryIds": {"type": ["array", "null"], "items": {"type": "integer"}}}}""";

    private AssistantTool.Result list(McpCaller caller, Arguments args) {
        int limit = args.integer("limit", 1, 100, 20);
        String cursor = args.optionalString("cursor", 500);
        if (!args.has("playlistId")) {
            Page<PlaylistView> page = playlists.mine(caller.userId(), limit, cursor);
            StringBuilder text = new StringBuilder(page.items().size() + " playlists:\n");
            page.items().forEach(p -> text.append("- ")
                    .append(p.name())
                    .append(" (")
                    .append(p.trackCount())
                    .append(" tracks, id ")
                    .append(p.id())
                    .append(")\n"));
            return new AssistantTool.Result(
                    new PlaylistsAnswer(page.items(), null, null, page.next()),
                    text.toString(),
                    page.items().stream()
                            .map(p -> new AssistantTool.Link(McpResources.playlistUri(p.id()), p.name(), "a playlist"))
                            .toList());
        }
        UUID id = playlistId(args);
        PlaylistView playlist = playlists.get(id, caller.userId());
        var page = tracks.page(id, caller.userId(), PlaylistTrackService.Sort.POSITION, limit, cursor)
                .page();
        List<Entry> entries = page.items().stream()
                .map(e -> new Entry(e.entryId(), e.position(), Briefs.of(e.track())))
                .toList();
        StringBuilder text = new StringBuilder(playlist.name() + " (" + playlist.trackCount() + " tracks):\n");
        entries.forEach(e -> text.append("entry ")
                .append(e.entryId())
                .append(": ")
                .append(e.track().title())
                .append(" — ")
                .append(e.track().artists())
                .append('\n'));
        return AssistantTool.Result.of(new PlaylistsAnswer(null, playlist, entries, page.next()), text.toString());
    }

    private AssistantTool.Result create(McpCaller caller, Arguments args) {
        String name = args.string("name", 100);
        String description = args.optionalString("description", 300);
        List<Long> trackIds = args.ids("trackIds", 0, 100);
        UUID id = maker.make(caller.userId(), name, description, trackIds);
        PlaylistView made = playlists.get(id, caller.userId());
        return new AssistantTool.Result(
                made,
                "Made the playlist \"" + made.name() + "\" (id " + made.id() + ") with " + made.trackCount()
                        + " tracks.",
                List.of(new AssistantTool.Link(McpResources.playlistUri(id), made.name(), "the playlist just made")));
    }

    private AssistantTool.Result add(McpCaller caller, Arguments args) {
        UUID id = playlistId(args);
        PlaylistChange change = tracks.add(
                id,
                caller.userId(),
                args.ids("trackIds", 1, 100),
                args.optionalInteger("position", 0, 1_000_000),
                null);
        return changed(id, change, "Added " + change.changed() + " tracks.");
    }

    private AssistantTool.Result remove(McpCaller caller, Arguments args) {
        UUID id = playlistId(args);
        PlaylistChange change = tracks.remove(
                id,
                caller.userId(),
                new PlaylistRequests.RemoveTracks(args.ids("entryIds", 1, 100), null, null, null),
                null);
        return changed(id, change, "Removed " + change.changed() + " entries.");
    }

    private AssistantTool.Result move(McpCaller caller, Arguments args) {
        UUID id = playlistId(args);
        PlaylistChange change = tracks.move(
                id,
                caller.userId(),
                new PlaylistRequests.MoveTracks(
                        args.integer("rangeStart", 0, 1_000_000, 0),
                        args.optionalInteger("rangeLength", 1, 1_000_000),
                        args.integer("insertBefore", 0, 1_000_000, 0),
                        null),
                null);
        return changed(id, change, "Moved " + change.changed() + " entries.");
    }

    private static AssistantTool.Result changed(UUID id, PlaylistChange change, String text) {
        return AssistantTool.Result.of(
                new ChangeAnswer(id, change.version(), change.changed(), change.entryIds()),
                text + " The playlist is now at version " + change.version() + ".");
    }

    private static UUID playlistId(Arguments args) {
        String value = args.string("playlistId", 36);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ToolFailure.argument("playlistId", "must be a playlist id (a UUID) from get_my_playlists.");
        }
    }
}
