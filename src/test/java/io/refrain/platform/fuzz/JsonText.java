package io.refrain.platform.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Writes generated values as JSON text by hand, so that a fuzz body can hold what a JSON library
 * refuses to write: lone surrogates (as {@code \ud800} escapes), NUL, numbers out of every range.
 */
final class JsonText {

    /** JSON text inserted as is (for example {@code 1e400} or a 2,000-level nesting). */
    record Raw(String text) {}

    private JsonText() {}

    static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(value, s);
        return s.toString();
    }

    private static void write(Object value, StringBuilder s) {
        switch (value) {
            case null -> s.append("null");
            case Raw raw -> s.append(raw.text());
            case String text -> string(text, s);
            case Number n -> s.append(n);
            case Boolean b -> s.append(b);
            case Map<?, ?> map -> {
                s.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        s.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()), s);
                    s.append(':');
                    write(e.getValue(), s);
                }
                s.append('}');
            }
            case List<?> list -> {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        s.append(',');
                    }
                    write(list.get(i), s);
                }
                s.append(']');
            }
            default -> string(value.toString(), s);
        }
    }

    private static void string(String text, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pairAt(text, i)) {
                s.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                s.append(c).append(text.charAt(++i));
            } else {
                s.append(c);
            }
        }
        s.append('"');
    }

    private static boolean pairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
