package io.refrain.playlists;

/**
 * Who may read a playlist, as SQL, for statements that read playlists indirectly (a smart
 * playlist's {@code inPlaylist} rule): the owner, a collaborator, or anyone when it is public.
 * The same rule as {@link PlaylistAccess}; put into the statement that reads the data, so a
 * change of access committed before that statement is always seen (a check made earlier could race).
 */
public final class PlaylistReadRule {

    private PlaylistReadRule() {}

    /**
     * A boolean SQL expression: the playlist {@code playlistId} exists and {@code reader} may read
     * it. Both arguments are SQL expressions (bound parameters or columns), never values.
     */
    public static String readable(String playlistId, String reader) {
        return "exists (select 1 from playlists rp where rp.id = " + playlistId + " and (rp.public or rp.user_id = "
                + reader
                + " or exists (select 1 from playlist_collaborators rc where rc.playlist_id = rp.id and rc.user_id = "
                + reader + ")))";
    }
}
