package io.refrain.history.importer;

/** Shortens values quoted in skip details, so a 100 kB garbage field cannot flood a log or a UI. */
final class Details {

    private static final int MAX_QUOTED = 60;

    private Details() {}

    static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString().replace("\u0000", "\\0");
        if (s.length() > MAX_QUOTED) {
            s = s.substring(0, MAX_QUOTED) + "…";
        }
        return "'" + s + "'";
    }
}
