package io.refrain.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments with checked accessors. The SDK has already held them to the tool's
 * input schema; these checks are the ones a schema cannot say (and hold when a client skips it),
 * each failing with a message that names the argument and what to send instead.
 */
final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, Object> raw() {
        return values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String string(String name, int maxLength) {
        String value = optionalString(name, maxLength);
        if (value == null || value.isBlank()) {
            throw ToolFailure.argument(name, "is required: a non-empty string.");
        }
        return value;
    }

    String optionalString(String name, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ToolFailure.argument(name, "must be a string.");
        }
        if (s.length() > maxLength) {
            throw ToolFailure.argument(name, "is " + s.length() + " characters long; at most " + maxLength + ".");
        }
        return s.strip();
    }

    int integer(String name, int min, int max, int fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw ToolFailure.argument(name, "must be a whole number from " + min + " to " + max + ".");
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw ToolFailure.argument(name, "is " + v + "; it must be from " + min + " to " + max + ".");
        }
        return (int) v;
    }

    Integer optionalInteger(String name, int min, int max) {
        return has(name) ? integer(name, min, max, 0) : null;
    }

    Double optionalNumber(String name, double min, double max) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw ToolFailure.argument(name, "must be a number from " + min + " to " + max + ".");
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            throw ToolFailure.argument(name, "is " + v + "; it must be from " + min + " to " + max + ".");
        }
        return v;
    }

    boolean bool(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw ToolFailure.argument(name, "must be true or false.");
        }
        return b;
    }

    List<Long> ids(String name, int min, int max) {
        Object value = values.get(name);
        if (value == null) {
            if (min > 0) {
                throw ToolFailure.argument(name, "is required: a list of " + min + " to " + max + " ids.");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ToolFailure.argument(name, "must be a list of ids (whole numbers).");
        }
        if (list.size() < min || list.size() > max) {
            throw ToolFailure.argument(name, "has " + list.size() + " ids; send " + min + " to " + max + ".");
        }
        List<Long> ids = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() <= 0) {
                throw ToolFailure.argument(name, "must hold positive whole-number ids; '" + item + "' is not one.");
            }
            ids.add(n.longValue());
        }
        return ids;
    }

    List<String> strings(String name, int max, int maxLength) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ToolFailure.argument(name, "must be a list of strings.");
        }
        if (list.size() > max) {
            throw ToolFailure.argument(name, "has " + list.size() + " items; at most " + max + ".");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
                throw ToolFailure.argument(
                        name, "must hold non-empty strings of at most " + maxLength + " characters.");
            }
            strings.add(s.strip());
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ToolFailure.argument(name, "must be an object.");
        }
        return (Map<String, Object>) map;
    }

    /** A short, bounded account of the arguments for the audit trail: values cut, never more than 500 characters. */
    String summary() {
        StringBuilder s = new StringBuilder();
        for (var e : values.entrySet()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            String v = String.valueOf(e.getValue());
            s.append(e.getKey()).append('=').append(v.length() > 60 ? v.substring(0, 57) + "..." : v);
            if (s.length() > 500) {
                return s.substring(0, 497) + "...";
            }
        }
        return s.toString();
    }
}
