package io.refrain.history.listenbrainz;

import io.refrain.catalog.TrackReference;
import io.refrain.history.ListenInput;
import io.refrain.history.ListenRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One listen of a submission: ListenBrainz's validate_listen (same checks, same order, same
 * messages), then the listen as Refrain stores it. What Refrain has no place for (tags, work ids,
 * the music service …) is validated like ListenBrainz does and then not kept.
 */
final class ListenValidator {

    static final int MAX_TAGS = 50;
    static final int MAX_TAG_SIZE = 64;
    /** API_LISTENED_AT_ALLOWED_SKEW: a client clock may run an hour ahead. */
    static final long ALLOWED_SKEW_SECONDS = 3600;
    /** MAX_DURATION_LIMIT: 24 days, in seconds. */
    static final long MAX_DURATION_LIMIT = 24L * 24 * 60 * 60;
    /** MAX_DURATION_MS_LIMIT: the same 24 days, in milliseconds. */
    static final long MAX_DURATION_MS_LIMIT = MAX_DURATION_LIMIT * 1000;

    static final long LISTEN_MINIMUM_TS = ListenRules.EARLIEST.getEpochSecond();
    private static final List<String> SINGLE_MBIDS =
            List.of("release_mbid", "recording_mbid", "release_group_mbid", "track_mbid");
    private static final List<String> MULTIPLE_MBIDS = List.of("artist_mbids", "work_mbids");

    private final Clock clock;

    ListenValidator(Clock clock) {
        this.clock = clock;
    }

    ListenInput validate(JsonNode listen, Submission.Type type) {
        if (listen == null || listen.isNull() || !listen.isObject()) {
            throw ListenBrainzError.badRequest("Listen is empty and cannot be validated.");
        }
        Instant listenedAt = null;
        if (type == Submission.Type.PLAYING_NOW) {
            if (listen.has("listened_at")) {
                throw bad("JSON document must not contain listened_at while submitting playing_now.");
            }
            if (listen.has("track_metadata") && listen.size() > 1) {
                throw bad(
                        "JSON document may only contain track_metadata as top level key when submitting playing_now.");
            }
        } else {
            listenedAt = listenedAt(listen);
        }
        JsonNode metadata = listen.get("track_metadata");
        if (metadata == null || !metadata.isObject()) {
            throw bad("JSON document does not contain required track_metadata.");
        }
        String track = requiredName(metadata, "track_name");
        String artist = requiredName(metadata, "artist_name");
        JsonNode release = metadata.get("release_name");
        if (release != null && !release.isNull() && !release.isString()) {
            throw bad("track_metadata.release_name must be a single string.");
        }
        JsonNode given = metadata.get("additional_info");
        if (given != null && !given.isNull() && !given.isObject()) {
            throw bad("track_metadata.additional_info must be a JSON object.");
        }
        JsonNode info = given != null && given.isObject() ? given : null;
        if (info != null) {
            checkTags(info);
            if (info.has("duration") && info.has("duration_ms")) {
                throw bad("JSON document should not contain both duration and duration_ms.");
            }
            checkDuration(info, "duration", MAX_DURATION_LIMIT);
            checkDuration(info, "duration_ms", MAX_DURATION_MS_LIMIT);
            SINGLE_MBIDS.forEach(key -> checkMbid(info.get(key), key));
            MULTIPLE_MBIDS.forEach(key -> checkMbids(info.get(key), key));
        }
        checkNoNul(listen);
        String album = release == null || release.isNull() || release.asString().isBlank()
                ? null
                : release.asString().strip();
        TrackReference reference = new TrackReference(
                null,
                artist,
                track,
                album,
                durationMs(info),
                ListenBrainzIds.isrc(text(info, "isrc")),
                ListenBrainzIds.mbid(text(info, "recording_mbid")),
                ListenBrainzIds.spotifyId(text(info, "spotify_id")));
        return new ListenInput(listenedAt, reference, null, false, null, null, client(info));
    }

    private Instant listenedAt(JsonNode listen) {
        if (!listen.has("listened_at")) {
            throw bad("JSON document must contain the key listened_at at the top level.");
        }
        Long seconds = integer(listen.get("listened_at"));
        if (seconds == null) {
            throw bad("JSON document must contain an int value for listened_at.");
        }
        if (listen.has("track_metadata") && listen.size() > 2) {
            throw bad("JSON document may only contain listened_at and track_metadata top level keys");
        }
        if (seconds > clock.instant().getEpochSecond() + ALLOWED_SKEW_SECONDS) {
            throw bad("Value for key listened_at is too high.");
        }
        if (seconds < LISTEN_MINIMUM_TS) {
            throw bad("Value for key listened_at is too low. listened_at timestamp should be greater than "
                    + LISTEN_MINIMUM_TS + " (2002-10-01 00:00:00 UTC).");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** An int as Python's int() reads it in ListenBrainz: a whole JSON number, or a string of digits. */
    private static Long integer(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isString() && value.asString().strip().matches("[+-]?[0-9]{1,18}")) {
            return Long.parseLong(value.asString().strip());
        }
        return null;
    }

    private static String requiredName(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        if (value == null) {
            throw bad("JSON document does not contain required track_metadata." + key + ".");
        }
        if (!value.isString()) {
            throw bad("track_metadata." + key + " must be a single string.");
        }
        String name = value.asString().strip();
        if (name.isEmpty()) {
            throw bad("required field track_metadata." + key + " is empty.");
        }
        return name;
    }

    private static void checkTags(JsonNode info) {
        JsonNode tags = info.get("tags");
        if (tags == null || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            throw bad("track_metadata.additional_info.tags must be a list of strings.");
        }
        if (tags.size() > MAX_TAGS) {
            throw bad("JSON document may not contain more than " + MAX_TAGS
                    + " items in track_metadata.additional_info.tags.");
        }
        for (JsonNode tag : tags) {
            if (!tag.isString()) {
                throw bad("track_metadata.additional_info.tags must be a list of strings.");
            }
            if (tag.asString().length() > MAX_TAG_SIZE) {
                throw bad("JSON document may not contain track_metadata.additional_info.tags longer than "
                        + MAX_TAG_SIZE + " characters.");
            }
        }
    }

    /** Like ListenBrainz, an empty or null MBID counts as absent. */
    private static void checkMbid(JsonNode value, String key) {
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isEmpty())) {
            return;
        }
        if (!value.isString() || ListenBrainzIds.mbid(value.asString()) == null) {
            throw bad(key + " MBID format invalid.");
        }
    }

    private static void checkMbids(JsonNode value, String key) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw bad(key + " MBID format invalid.");
        }
        for (JsonNode item : value) {
            checkMbid(item, key);
        }
    }

    /** check_for_unicode_null_recursively: PostgreSQL cannot store NUL in text. */
    private static void checkNoNul(JsonNode node) {
        if (node.isString() && node.asString().indexOf('\0') >= 0) {
            throw bad(node.asString().replace("\0", "\\u0000") + " contains a unicode null");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                checkNoNul(property.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(ListenValidator::checkNoNul);
        }
    }

    /**
     * validate_duration_field: present means a positive whole number up to the limit. Like
     * ListenBrainz, which reads it with {@code int(float(value))}, a number with a fraction is cut
     * to a whole one and a string holding a number counts (clients send {@code "240"}); null, a
     * list, an object or text that is not a number is invalid.
     */
    private static void checkDuration(JsonNode info, String key, long max) {
        if (!info.has(key)) {
            return;
        }
        Long value = wholeNumber(info.get(key));
        if (value == null || value <= 0) {
            throw bad("Value for " + key + " is invalid, should be a positive integer.");
        }
        if (value > max) {
            throw bad("Value for " + key + " is too large, max permitted value is " + max);
        }
    }

    /** Python's {@code int(float(value))} for a JSON value; null where it raises (or overflows). */
    private static Long wholeNumber(JsonNode value) {
        java.math.BigDecimal number;
        if (value == null || value.isNull()) {
            return null;
        } else if (value.isBoolean()) {
            return value.asBoolean() ? 1L : 0L; // a bool is an int in Python
        } else if (value.isNumber()) {
            if (value.isDouble() && !Double.isFinite(value.asDouble())) {
                return null;
            }
            number = value.decimalValue();
        } else if (value.isString()) {
            try {
                number = new java.math.BigDecimal(value.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        java.math.BigInteger whole = number.toBigInteger();
        // beyond a long it is beyond every limit: keep the sign, which is all the checks need
        return whole.bitLength() < 63 ? whole.longValue() : whole.signum() * Long.MAX_VALUE;
    }

    /** duration (seconds) or duration_ms, already validated; not kept when longer than a track may be. */
    private static Integer durationMs(JsonNode info) {
        if (info == null) {
            return null;
        }
        Long ms = null;
        if (info.has("duration_ms")) {
            ms = wholeNumber(info.get("duration_ms"));
        } else if (info.has("duration")) {
            ms = wholeNumber(info.get("duration")) * 1000;
        }
        return ms == null || ms < 1 || ms > ListenRules.MAX_MS ? null : ms.intValue();
    }

    private static String client(JsonNode info) {
        String client = text(info, "submission_client");
        if (client != null) {
            String version = text(info, "submission_client_version");
            client = version == null ? client : client + " " + version;
        } else {
            client = text(info, "media_player");
        }
        if (client == null) {
            return null;
        }
        client = client.strip();
        return client.length() > 100 ? client.substring(0, 100).strip() : client;
    }

    private static String text(JsonNode info, String key) {
        if (info == null) {
            return null;
        }
        JsonNode value = info.get(key);
        return value != null && value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : null;
    }

    private static ListenBrainzError bad(String message) {
        return ListenBrainzError.badRequest(message);
    }
}
