package io.refrain.history;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.ChecksNulItself;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "history", description = "Your listening history: submitting listens, recently played, a track's plays.")
class ListenController {

    private final ListenIngestion ingestion;
    private final HistoryService history;
    private final ListenRequestReader reader;

    ListenController(ListenIngestion ingestion, HistoryService history, ListenRequestReader reader) {
        this.ingestion = ingestion;
        this.history = history;
        this.reader = reader;
    }

    @PostMapping(path = "/listens", consumes = "application/json")
    @Operation(
            summary = "Submit listens",
            description = """
            One listen (a JSON object) or a batch `{"listens": [...]}` of up to 1,000. Idempotent: a listen is \
            identified by you, its `listenedAt` and its track, and submitting it again changes nothing (`added` is \
            false for it). All or nothing: when any listen is invalid nothing is stored and the 400 lists every \
            problem by path (`listens[3].listenedAt`). Statistics are current as soon as this returns. \
            Body limit: REFRAIN_MAX_LISTEN_BATCH_SIZE (11 MB).""",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(oneOf = {ListenRequest.class, ListenRequest.Batch.class}))))
    ListenIngestion.Result submit(
            @Parameter(hidden = true) AuthenticatedUser user,
            @ChecksNulItself @RequestBody JsonNode body) { // the reader names every problem, NUL included
        ListenBatch batch = reader.read(body);
        try {
            return ingestion.submit(user.id(), batch.listens(), ListenSource.API);
        } catch (UnknownTracksException e) {
            throw ListenRequestReader.unknownTracks(batch, e);
        }
    }

    @GetMapping("/recently-played")
    @Operation(summary = "Recently played, newest first", description = """
            Your listens with full tracks. `before` / `after` (ISO-8601 or epoch seconds, both exclusive) bound the \
            time window; limit 1–50 (default 20); pass `next` as `cursor` for older listens.""")
    Page<PlayedTrack> recentlyPlayed(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String after) {
        return history.recentlyPlayed(
                user.id(),
                Limits.pageSize(limit, 20, 50),
                cursor,
                ListenRequestReader.queryTime(before, "before"),
                ListenRequestReader.queryTime(after, "after"));
    }

    @GetMapping("/tracks/{trackId}/listens")
    @Operation(summary = "Your plays of one track", description = """
            Your all-time numbers for the track (plays, skips, time played, first and last played) and its \
            listens, newest first; limit 1–50 (default 20); pass `next` as `cursor` for older ones.""")
    HistoryService.TrackPlays trackPlays(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long trackId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history.trackPlays(user.id(), trackId, Limits.pageSize(limit, 20, 50), cursor);
    }
}
