package io.refrain.assistant;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.refrain.catalog.CatalogService;
import io.refrain.platform.errors.ApiException;
import io.refrain.playlists.PlaylistService;
import io.refrain.playlists.PlaylistTrackService;
import io.refrain.recommend.Taste;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP resources: the caller's listener profile, and a playlist or a track by URI (the
 * {@code resource_link}s of tool results point at them). Read with the caller's rights, as every
 * read is: a private playlist of someone else is "not found".
 */
@Component
class McpResources {

    static final String PROFILE = "refrain://me/profile";
    private static final String PLAYLISTS = "refrain://playlists/";
    private static final String TRACKS = "refrain://tracks/";

    private final Taste taste;
    private final PlaylistService playlists;
    private final PlaylistTrackService entries;
    private final CatalogService catalog;
    private final JsonMapper json;

    McpResources(
            Taste taste,
            PlaylistService playlists,
            PlaylistTrackService entries,
            CatalogService catalog,
            JsonMapper json) {
        this.taste = taste;
        this.playlists = playlists;
        this.entries = entries;
        this.catalog = catalog;
        this.json = json;
    }

    static String playlistUri(UUID id) {
        return PLAYLISTS + id;
    }

    static String trackUri(long id) {
        return TRACKS + id;
    }

    List<SyncResourceSpecification> resources() {
        return List.of(new SyncResourceSpecification(
                McpSchema.Resource.builder(PROFILE, "profile")
                        .title("Your listener profile")
                        .description("Your listener profile in numbers and words, with its shareable profile code.")
                        .mimeType("application/json")
                        .build(),
                (context, request) ->
                        read(request.uri(), caller -> taste.profile(caller.userId()), context.get(McpCaller.KEY))));
    }

    List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(PLAYLISTS + "{id}", "playlist")
                                .title("A playlist")
                                .description("A playlist you may read, with its first 100 entries.")
                                .mimeType("application/json")
                                .build(),
                        (context, request) -> read(
                                request.uri(),
                                caller -> {
                                    UUID id = uuid(request.uri().substring(PLAYLISTS.length()));
                                    return Map.of(
                                            "playlist", playlists.get(id, caller.userId()),
                                            "entries",
                                                    entries
                                                            .page(
                                                                    id,
                                                                    caller.userId(),
                                                                    PlaylistTrackService.Sort.POSITION,
                                                                    100,
                                                                    null)
                                                            .page()
                                                            .items()
                                                            .stream()
                                                            .map(e -> new PlaylistTools.Entry(
                                                                    e.entryId(), e.position(), Briefs.of(e.track())))
                                                            .toList());
                                },
                                context.get(McpCaller.KEY))),
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(TRACKS + "{id}", "track")
                                .title("A track")
                                .description("A catalog track with its audio features and your own state.")
                                .mimeType("application/json")
                                .build(),
                        (context, request) -> read(
                                request.uri(),
                                caller -> catalog.track(
                                        caller.userId(), number(request.uri().substring(TRACKS.length()))),
                                context.get(McpCaller.KEY))));
    }

    private McpSchema.ReadResourceResult read(String uri, Function<McpCaller, Object> reader, Object caller) {
        try {
            Object value = reader.apply((McpCaller) caller);
            return McpSchema.ReadResourceResult.builder(
                            List.of(McpSchema.TextResourceContents.builder(uri, json.writeValueAsString(value))
                                    .mimeType("application/json")
                                    .build()))
                    .build();
        } catch (ApiException e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message(e.getMessage())
                    .data(uri)
                    .build();
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("There is no playlist " + s + ".");
        }
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("There is no track " + s + ".");
        }
    }
}
