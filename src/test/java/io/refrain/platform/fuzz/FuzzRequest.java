package io.refrain.platform.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One generated request, exactly as sent: the path is already percent-encoded and the body is
 * raw bytes (it may be invalid UTF-8 on purpose). {@code auth} says which credentials go with it.
 */
record FuzzRequest(
        String operation, String kind, String method, String path, String contentType, byte[] body, Auth auth) {

    enum Auth {
        USER,
        ANONYMOUS,
        BAD_TOKEN
    }

    /** The request in a form that can be pasted into a regression test or curl. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(method)
                .append(' ')
                .append(path)
                .append("   [")
                .append(operation)
                .append(", ")
                .append(kind)
                .append(", auth=")
                .append(auth)
                .append(']');
        if (contentType != null) {
            s.append("\n  Content-Type: ").append(contentType);
        }
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            s.append("\n  body (")
                    .append(body.length)
                    .append(" bytes): ")
                    .append(escape(text.length() > 600 ? text.substring(0, 600) + "…" : text));
        }
        return s.toString();
    }

    /** Java-string escaping of what a terminal would not show (NUL, control characters, surrogates). */
    static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0xfffd) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
