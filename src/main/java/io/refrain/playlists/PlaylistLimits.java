package io.refrain.playlists;

/** The documented bounds of playlists (docs/user-guide.md lists them). */
final class PlaylistLimits {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int URL_MAX = 2048;
    /** Entries one playlist may hold. */
    public static final int MAX_TRACKS = 10_000;
    /** Track ids one add call may carry; entry ids one remove call may carry. */
    public static final int MAX_BATCH = 100;

    public static final int PAGE_DEFAULT = 50;
    public static final int PAGE_MAX = 100;
    /** Collaborators one playlist may have. */
    public static final int MAX_COLLABORATORS = 100;
    /** Folders one user may have. */
    public static final int MAX_FOLDERS = 1000;

    private PlaylistLimits() {}

    /** PostgreSQL text cannot hold NUL characters: a 400 here rather than a failing statement. */
    static void noNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw io.refrain.platform.errors.ApiException.invalidField(field, "must not contain NUL characters");
        }
    }
}
