package io.refrain.history;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import io.refrain.platform.errors.ProblemTypes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a {@code POST /api/v1/me/listens} body becomes listens, checked once: one listen object or
 * {@code {"listens": [...]}} of 1–1,000. All or nothing: the 400 names every problem by the JSON
 * path the client sent ({@code listens[3].listenedAt}, or {@code listenedAt} for a single listen),
 * in this order: the body's shape, unreadable times, the batch size, then {@link ListenRules}.
 */
@Component
class ListenRequestReader {

    private final JsonMapper json;
    private final ListenRules rules;

    ListenRequestReader(JsonMapper json, ListenRules rules) {
        this.json = json;
        this.rules = rules;
    }

    ListenBatch read(JsonNode body) {
        boolean batch = body.isObject() && body.has("listens");
        List<ListenRequest> requests = new ArrayList<>();
        if (batch) {
            JsonNode listens = body.get("listens");
            if (!listens.isArray()) {
                throw ApiException.invalidField("listens", "must be an array of listens");
            }
            for (int i = 0; i < listens.size(); i++) {
                requests.add(request(listens.get(i), "listens[" + i + "]."));
            }
        } else if (body.isObject()) {
            requests.add(request(body, ""));
        } else {
            throw ApiException.invalidField("body", "must be a listen object or {\"listens\": [...]}");
        }
        if (batch && requests.isEmpty()) {
            throw ApiException.invalidField("listens", "must hold 1 to 1000 listens");
        }
        List<Instant> times = new ArrayList<>(requests.size());
        List<FieldProblem> badTimes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = requests.get(i).listenedAt();
            Instant time = time(at);
            if (at != null && time == null) {
                badTimes.add(new FieldProblem(
                        (batch ? "listens[" + i + "]." : "") + "listenedAt",
                        "must be an ISO-8601 time with offset, e.g. 2026-11-23T08:15:00Z"));
            }
            times.add(time);
        }
        if (!badTimes.isEmpty()) {
            throw invalid(badTimes);
        }
        if (requests.size() > ListenRules.MAX_BATCH) {
            throw ApiException.invalidField(
                    "listens", "at most " + ListenRules.MAX_BATCH + " listens at once, got " + requests.size());
        }
        List<ListenInput> listens = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            listens.add(requests.get(i).toInput(times.get(i)));
        }
        List<FieldProblem> problems = rules.check(listens, batch ? "listens" : null);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new ListenBatch(listens, batch);
    }

    /** The answer to listens that name catalog ids the catalog does not have, by the paths of the batch. */
    static ApiException unknownTracks(ListenBatch batch, UnknownTracksException e) {
        return ApiException.badRequest(ProblemTypes.VALIDATION, e.getMessage())
                .with(
                        "errors",
                        e.unknown().stream()
                                .map(u -> new FieldProblem(
                                        batch.path(u.index(), "track.id"), "no track has id " + u.trackId()))
                                .toList());
    }

    /** A time of a listen: ISO-8601 with an offset; null when absent or unreadable. */
    static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A time bound of a query ({@code before}, {@code after}): ISO-8601 with offset, or epoch seconds; null when absent. */
    static Instant queryTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant parsed = time(value);
        if (parsed != null) {
            return parsed;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(
                    field, "must be an ISO-8601 time with offset (2026-11-23T08:15:00Z) or epoch seconds");
        }
    }

    private ListenRequest request(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.invalidField("listens", "every item must be a listen object");
        }
        try {
            return json.treeToValue(node, ListenRequest.class);
        } catch (UnrecognizedPropertyException e) {
            // a client's mistake (e.g. "trackId" for "track": {"id": …}), not a server error
            throw ApiException.invalidField(
                    path + e.getPropertyName(),
                    "unknown field; a listen has listenedAt, track, msPlayed, skipped, context, client");
        } catch (JacksonException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            throw ApiException.invalidField(path + field, "has the wrong type");
        }
    }

    private static ApiException invalid(List<FieldProblem> problems) {
        return ApiException.badRequest(
                        ProblemTypes.VALIDATION,
                        problems.size() + " of the listens cannot be stored; nothing was stored.")
                .with("errors", problems);
    }
}
