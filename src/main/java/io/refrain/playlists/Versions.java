package io.refrain.playlists;

import io.refrain.platform.errors.ApiException;

/** Reads the version an edit is based on from its body or its {@code If-Match} header. */
final class Versions {

    private Versions() {}

    /**
     * The body's version if given, else the one in {@code If-Match} ({@code "12"}, or an ETag of
     * a playlist read such as {@code "12-owner"} or {@code W/"12-…"}); {@code *} or nothing: any version.
     */
    static Long expected(Long bodyVersion, String ifMatch) {
        if (bodyVersion != null) {
            if (bodyVersion < 1) {
                throw ApiException.invalidField("version", "must be at least 1");
            }
            return bodyVersion;
        }
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        int dash = tag.indexOf('-');
        String digits = dash < 0 ? tag : tag.substring(0, dash);
        try {
            long version = Long.parseLong(digits);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("If-Match", "must be a playlist version such as \"12\"");
        }
    }
}
