package io.refrain.history.listenbrainz;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers of ListenBrainz's {@code additional_info} (MusicBrainz ids, ISRC, Spotify
 * id), normalised where they enter: a live submission ({@link ListenValidator}) and an imported
 * ListenBrainz export ({@code importer/ListenBrainzRecords}) read them here, so the same listen
 * matches the same track either way. Each method gives the catalog's form, or null for a value
 * that is no such identifier.
 */
public final class ListenBrainzIds {

    private static final Pattern UUID_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final Pattern SPOTIFY_TRACK = Pattern.compile("(?:track[/:])?([A-Za-z0-9]{22})/?$");

    private ListenBrainzIds() {}

    /** is_valid_uuid as Python's uuid.UUID reads it (hyphens, braces, urn:uuid: optional); canonical form or null. */
    public static String mbid(String value) {
        if (value == null) {
            return null;
        }
        String hex = value.strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^urn:uuid:", "")
                .replace("{", "")
                .replace("}", "")
                .replace("-", "");
        if (!UUID_HEX.matcher(hex).matches()) {
            return null;
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** An ISRC without its hyphens and spaces, upper case; null if it is none. */
    public static String isrc(String value) {
        if (value == null) {
            return null;
        }
        String normalised = value.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return ISRC.matcher(normalised).matches() ? normalised : null;
    }

    /**
     * The bare track id of a Spotify reference: a URL (https://open.spotify.com/track/ID, with or
     * without {@code ?si=…}), a URI (spotify:track:ID) or the id itself; null if it is none.
     */
    public static String spotifyId(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = SPOTIFY_TRACK.matcher(value.strip().replaceFirst("\\?.*$", ""));
        return m.find() ? m.group(1) : null;
    }
}
