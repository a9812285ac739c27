package io.refrain.history;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.ChecksNulItself;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "history", description = "Your listening history: submitting listens, recently played, a track's plays.")
class ListenController {

    private final ListenIngestion ingestion;
    private final HistoryService history;
    private final JsonMapper json;

    ListenController(ListenIngestion ingestion, HistoryService history, JsonMapper json) {
        this.ingestion = ingestion;
        this.history = history;
        this.json = json;
    }

    @PostMapping(path = "/listens", consumes = "application/json")
    @Operation(summary = "Submit listens", description = """
            One listen (a JSON object) or a batch `{"listens": [...]}` of up to 1,000. Idempotent: a listen is \
            identified by you, its `listenedAt` and its track, and submitting it again changes nothing (`added` is \
            false for it). All or nothing: when any listen is invalid nothing is stored and the 400 lists every \
            problem by path (`listens[3].listenedAt`). Statistics are current as soon as this returns. \
            Body limit: REFRAIN_MAX_LISTEN_BATCH_SIZE (11 MB).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(oneOf = {ListenRequest.class, ListenRequest.Batch.class}))))
    ListenIngestion.Result submit(@Parameter(hidden = true) AuthenticatedUser user,
                                  @ChecksNulItself @RequestBody JsonNode body) { // ListenRules names every problem
        boolean batch = body.isObject() && body.has("listens");
        List<ListenRequest> requests = new ArrayList<>();
        if (batch) {
            JsonNode listens = body.get("listens");
            if (!listens.isArray()) {
                throw ApiException.invalidField("listens", "must be an array of listens");
            }
            for (int i = 0; i < listens.size(); i++) {
                requests.add(read(listens.get(i), "listens[" + i + "]."));
            }
        } else if (body.isObject()) {
            requests.add(read(body, ""));
        } else {
            throw ApiException.invalidField("body", "must be a listen object or {\"listens\": [...]}");
        }
        if (batch && requests.isEmpty()) {
            throw ApiException.invalidField("listens", "must hold 1 to 1000 listens");
        }
        String prefix = batch ? "listens" : null;
        List<FieldProblem> badTimes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = requests.get(i).listenedAt();
            if (at != null && ListenRequest.time(at) == null) {
                badTimes.add(new FieldProblem((batch ? "listens[" + i + "]." : "") + "listenedAt",
                        "must be an ISO-8601 time with offset, e.g. 2026-11-23T08:15:00Z"));
            }
        }
        if (!badTimes.isEmpty()) {
            throw ApiException.badRequest(ProblemTypes.VALIDATION, badTimes.size() + " of the listens cannot be stored; nothing was stored.")
                    .with("errors", badTimes);
        }
        try {
            return ingestion.submit(user.id(), requests.stream().map(ListenRequest::toInput).toList(), ListenSource.API);
        } catch (ApiException e) {
            throw batch ? e : unprefixed(e);
        }
    }

    private ListenRequest read(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.invalidField("listens", "every item must be a listen object");
        }
        try {
            return json.treeToValue(node, ListenRequest.class);
        } catch (UnrecognizedPropertyException e) {
            // a client's mistake (e.g. "trackId" for "track": {"id": …}), not a server error
            throw ApiException.invalidField(path + e.getPropertyName(),
                    "unknown field; a listen has listenedAt, track, msPlayed, skipped, context, client");
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            throw ApiException.invalidField(path + field, "has the wrong type");
        }
    }

    /** A single listen's problems are named without the batch's "listens[0]." prefix. */
    private static ApiException unprefixed(ApiException e) {
        Object errors = e.properties().get("errors");
        if (errors instanceof List<?> list) {
            e.with("errors", list.stream().map(p -> p instanceof FieldProblem f
                    ? new FieldProblem(f.field().replaceFirst("^listens\\[0]\\.", ""), f.message()) : p).toList());
        }
        return e;
    }

    @GetMapping("/recently-played")
    @Operation(summary = "Recently played, newest first", description = """
            Your listens with full tracks. `before` / `after` (ISO-8601 or epoch seconds, both exclusive) bound the \
            time window; limit 1–50 (default 20); pass `next` as `cursor` for older listens.""")
    Page<PlayedTrack> recentlyPlayed(@Parameter(hidden = true) AuthenticatedUser user,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) String before,
                                     @RequestParam(required = false) String after) {
        return history.recentlyPlayed(user.id(), Limits.pageSize(limit, 20, 50), cursor,
                queryTime(before, "before"), queryTime(after, "after"));
    }

    /** A time bound of a query: ISO-8601 with offset, or epoch seconds. */
    private static java.time.Instant queryTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        java.time.Instant parsed = ListenRequest.time(value);
        if (parsed == null) {
            try {
                return java.time.Instant.ofEpochSecond(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField(field,
                        "must be an ISO-8601 time with offset (2026-11-23T08:15:00Z) or epoch seconds");
            }
        }
        return parsed;
    }

    @GetMapping("/tracks/{trackId}/listens")
    @Operation(summary = "Your plays of one track", description = """
            Your all-time numbers for the track (plays, skips, time played, first and last played) and its \
            listens, newest first; limit 1–50 (default 20); pass `next` as `cursor` for older ones.""")
    HistoryService.TrackPlays trackPlays(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long trackId,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor) {
        return history.trackPlays(user.id(), trackId, Limits.pageSize(limit, 20, 50), cursor);
    }
}
