package io.refrain.history.importer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one field of a JSON record. Missing and JSON null both give null; a value of the
 * wrong shape throws {@link BadRecord} naming the field, which skips just that record.
 */
final class JsonFields {

    private JsonFields() {}

    static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        // a name that happens to be numeric (the band "311") is sometimes written unquoted
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new BadRecord(field + ": expected text, found " + kind(v));
    }

    static Long integer(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return Math.round(v.doubleValue());
        }
        if (v.isString()) {
            try {
                return Long.parseLong(v.stringValue().strip());
            } catch (NumberFormatException e) {
                throw new BadRecord(field + ": " + Details.quote(v.stringValue()) + " is not a number");
            }
        }
        throw new BadRecord(field + ": expected a number, found " + kind(v));
    }

    /** An int-sized number, for millisecond fields. */
    static Integer millis(JsonNode obj, String field) {
        Long v = integer(obj, field);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new BadRecord(field + ": " + v + " is out of range");
        }
        return v.intValue();
    }

    static Boolean bool(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        // older Spotify exports wrote skipped as 0/1
        if (v.isIntegralNumber()) {
            return v.longValue() != 0;
        }
        if (v.isString() && ("true".equalsIgnoreCase(v.stringValue()) || "false".equalsIgnoreCase(v.stringValue()))) {
            return Boolean.parseBoolean(v.stringValue());
        }
        throw new BadRecord(field + ": expected true or false, found " + Details.quote(v));
    }

    static Instant isoInstant(JsonNode obj, String field) {
        String s = text(obj, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new BadRecord(field + ": " + Details.quote(s) + " is not a time");
        }
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isString()) {
            return "text " + Details.quote(v.stringValue());
        }
        if (v.isNumber()) {
            return "the number " + v.asString();
        }
        if (v.isBoolean()) {
            return v.asString();
        }
        return v.getNodeType().toString().toLowerCase();
    }
}
