package io.refrain.history.listenbrainz;

import io.refrain.history.ListenInput;
import io.refrain.history.ListenRules;
import io.refrain.platform.errors.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code POST /1/submit-listens} body with ListenBrainz's rules, checks in their order and
 * with their messages (listenbrainz-server, webserver/views/api.py submit_listen and
 * api_tools.py validate_listen), so a client sees the same answer it would get from ListenBrainz.
 */
@Component
class SubmissionParser {

    /** MAX_LISTEN_SIZE: the most a listen may take, in bytes of JSON. */
    static final int MAX_LISTEN_SIZE = 10_240;
    /** MAX_LISTENS_PER_REQUEST. */
    static final int MAX_LISTENS = 1000;

    static final String TOO_LARGE = "JSON document is too large. In aggregate, listens may not be larger than "
            + MAX_LISTEN_SIZE + " characters.";

    private final JsonMapper json;
    private final ListenRules rules;
    private final Clock clock;
    private final ListenValidator validator;

    SubmissionParser(JsonMapper json, ListenRules rules, Clock clock) {
        this.json = json;
        this.rules = rules;
        this.clock = clock;
        this.validator = new ListenValidator(clock);
    }

    Submission parse(byte[] raw) {
        JsonNode data = read(raw);
        if (!data.isObject() || !data.has("payload")) {
            throw ListenBrainzError.badRequest("Invalid JSON document submitted.");
        }
        JsonNode payload = data.get("payload");
        if (!payload.isArray()) {
            throw ListenBrainzError.badRequest("The payload in the JSON document should be a list of listens.");
        }
        if (payload.isEmpty()) {
            throw ListenBrainzError.badRequest("JSON document does not contain any listens");
        }
        if ((long) raw.length > (long) payload.size() * MAX_LISTEN_SIZE) {
            throw ListenBrainzError.badRequest(TOO_LARGE);
        }
        JsonNode typeNode = data.get("listen_type");
        Submission.Type type = typeNode != null && typeNode.isString() ? Submission.Type.of(typeNode.asString()) : null;
        if (type == null) {
            throw ListenBrainzError.badRequest("JSON document requires a valid listen_type key.");
        }
        if (type != Submission.Type.IMPORT && payload.size() > 1) {
            throw ListenBrainzError.badRequest("JSON document contains more than listen for a single/playing_now. "
                    + "It should contain only one.");
        }
        if (payload.size() > MAX_LISTENS) {
            throw ListenBrainzError.badRequest(
                    "Too many listens. You may not submit more than " + MAX_LISTENS + " listens at once.");
        }
        List<ListenInput> listens = new ArrayList<>(payload.size());
        for (JsonNode listen : payload) {
            if (listen != null && json.writeValueAsBytes(listen).length > MAX_LISTEN_SIZE) {
                throw ListenBrainzError.badRequest(TOO_LARGE);
            }
            listens.add(validator.validate(listen, type));
        }
        checkRefrainRules(listens, type);
        if (type == Submission.Type.PLAYING_NOW) {
            ListenInput only = listens.getFirst();
            return new Submission(
                    type,
                    List.of(),
                    payload.get(0).get("track_metadata"),
                    only.track().durationMs());
        }
        return new Submission(type, listens, null, null);
    }

    private JsonNode read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw ListenBrainzError.badRequest("Cannot parse JSON document: the request body is empty.");
        }
        try {
            return json.readTree(raw);
        } catch (JacksonException e) {
            throw ListenBrainzError.badRequest("Cannot parse JSON document: " + e.getOriginalMessage());
        }
    }

    /**
     * Refrain's own bounds beyond ListenBrainz's (names of at most 500 characters …), checked
     * here so that they too are answered in ListenBrainz's shape, named by ListenBrainz's fields.
     */
    private void checkRefrainRules(List<ListenInput> listens, Submission.Type type) {
        List<ListenInput> checked = type != Submission.Type.PLAYING_NOW
                ? listens
                : listens.stream()
                        .map(l -> new ListenInput(
                                clock.instant(),
                                l.track(),
                                l.msPlayed(),
                                l.skipped(),
                                l.contextType(),
                                l.contextId(),
                                l.client()))
                        .toList();
        List<FieldProblem> problems = rules.check(checked, "payload");
        if (!problems.isEmpty()) {
            FieldProblem first = problems.getFirst();
            throw ListenBrainzError.badRequest(wireName(first.field()) + " " + first.message() + ".");
        }
    }

    private static String wireName(String field) {
        return field.replace("listenedAt", "listened_at")
                .replace("track.artist", "track_metadata.artist_name")
                .replace("track.title", "track_metadata.track_name")
                .replace("track.album", "track_metadata.release_name")
                .replace("track.durationMs", "track_metadata.additional_info.duration_ms")
                .replace("track.isrc", "track_metadata.additional_info.isrc")
                .replace("track.recordingMbid", "track_metadata.additional_info.recording_mbid")
                .replace("track.spotifyId", "track_metadata.additional_info.spotify_id")
                .replace("client", "track_metadata.additional_info.submission_client");
    }
}
