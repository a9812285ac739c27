package io.refrain.history.importer;

import io.refrain.history.listenbrainz.ListenBrainzIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * ListenBrainz listens ({@code listened_at} = epoch seconds of the START of the play, plus
 * {@code track_metadata}). Ids the submitting client sent ({@code additional_info}) are preferred to
 * ListenBrainz's own later guess ({@code mbid_mapping}), which is only a fallback.
 */
final class ListenBrainzRecords implements JsonRecordMapper {

    @Override
    public ExportRow map(long position, JsonNode r) {
        Instant at = listenedAt(r);
        if (at == null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no listened_at");
        }
        JsonNode meta = r.get("track_metadata");
        if (meta == null || !meta.isObject()) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.UNPARSEABLE,
                    "track_metadata: expected an object, found " + (meta == null ? "nothing" : JsonFields.kind(meta)));
        }
        JsonNode info = object(meta, "additional_info");
        JsonNode mapping = object(meta, "mbid_mapping");
        String client = JsonFields.text(info, "submission_client");
        return new ExportRow.Listen(
                position,
                new ExportedListen(
                        at,
                        JsonFields.text(meta, "artist_name"),
                        JsonFields.text(meta, "track_name"),
                        JsonFields.text(meta, "release_name"),
                        null,
                        null,
                        durationMs(info),
                        ListenBrainzIds.spotifyId(JsonFields.text(info, "spotify_id")),
                        ListenBrainzIds.isrc(JsonFields.text(info, "isrc")),
                        first(mbid(info, "recording_mbid"), mbid(mapping, "recording_mbid")),
                        first(
                                ListenBrainzIds.mbid(firstOf(info, "artist_mbids")),
                                ListenBrainzIds.mbid(firstOf(mapping, "artist_mbids"))),
                        first(mbid(info, "release_mbid"), mbid(mapping, "release_mbid")),
                        first(client, JsonFields.text(info, "media_player"))));
    }

    private static Instant listenedAt(JsonNode r) {
        JsonNode v = r.get("listened_at");
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString() && !v.stringValue().strip().matches("-?\\d+")) {
            try {
                return Instant.parse(v.stringValue().strip());
            } catch (DateTimeParseException e) {
                throw new BadRecord("listened_at: " + Details.quote(v.stringValue()) + " is not a time");
            }
        }
        return Instant.ofEpochSecond(JsonFields.integer(r, "listened_at"));
    }

    /** A nested object, or an empty one when absent, so lookups in it simply find nothing. */
    private static JsonNode object(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return MissingNode.getInstance();
        }
        if (!v.isObject()) {
            throw new BadRecord(field + ": expected an object, found " + JsonFields.kind(v));
        }
        return v;
    }

    private static Integer durationMs(JsonNode info) {
        Integer ms = JsonFields.millis(info, "duration_ms");
        if (ms != null) {
            return ms;
        }
        JsonNode seconds = info.get("duration"); // some clients send seconds, possibly fractional
        if (seconds == null || seconds.isNull()) {
            return null;
        }
        if (seconds.isNumber()) {
            return (int) Math.round(seconds.doubleValue() * 1000);
        }
        Long s = JsonFields.integer(info, "duration");
        return s == null ? null : Math.toIntExact(s * 1000);
    }

    /** The field's MusicBrainz id in its canonical form (the same as a live submission's), or null. */
    private static String mbid(JsonNode object, String field) {
        return ListenBrainzIds.mbid(JsonFields.text(object, field));
    }

    private static String firstOf(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new BadRecord(field + ": expected an array, found " + JsonFields.kind(v));
        }
        for (JsonNode e : v) {
            if (e.isString() && !e.stringValue().isBlank()) {
                return e.stringValue();
            }
        }
        return null;
    }

    private static String first(String a, String b) {
        return ExportedListen.clean(a) != null ? a : b;
    }
}
