package io.refrain.playlists;

import io.refrain.platform.errors.ApiException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a playlist. A playlist the reader may not read does not exist for them
 * (404); one they may read but not change answers 403. Edits lock the playlist row first, so
 * edits of one playlist run one after another, and check the version they name under that lock.
 */
@Component
class PlaylistAccess {

    static final String VERSION_CONFLICT = "version-conflict";

    private final PlaylistRepository playlists;

    PlaylistAccess(PlaylistRepository playlists) {
        this.playlists = playlists;
    }

    PlaylistRepository.Row read(UUID id, UUID reader) {
        return readable(playlists.find(id, reader).orElse(null), id);
    }

    /** Locks the playlist for a change of its tracks: owner or editor. */
    PlaylistRepository.Row lockForEditor(UUID id, UUID reader, Long expectedVersion) {
        PlaylistRepository.Row row = readable(playlists.lock(id, reader).orElse(null), id);
        if (!"owner".equals(row.role()) && !"editor".equals(row.role())) {
            throw ApiException.forbidden(
                    io.refrain.platform.errors.ProblemTypes.FORBIDDEN,
                    "Only the owner and editors may change this playlist's tracks.");
        }
        checkVersion(row, expectedVersion);
        return row;
    }

    /** Locks the playlist for a change only its owner may make. */
    PlaylistRepository.Row lockForOwner(UUID id, UUID reader, Long expectedVersion) {
        PlaylistRepository.Row row = readable(playlists.lock(id, reader).orElse(null), id);
        if (!"owner".equals(row.role())) {
            throw ApiException.forbidden(
                    io.refrain.platform.errors.ProblemTypes.FORBIDDEN, "Only the owner may do this.");
        }
        checkVersion(row, expectedVersion);
        return row;
    }

    static void checkVersion(PlaylistRepository.Row row, Long expected) {
        if (expected != null && expected != row.version()) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            VERSION_CONFLICT,
                            "The playlist has changed since version " + expected + " (it is at version " + row.version()
                                    + "); reload it and try again.")
                    .with("currentVersion", row.version());
        }
    }

    /** The read rule: a public playlist, or one the reader owns or collaborates on (see also {@link PlaylistReadRule}). */
    static boolean mayRead(PlaylistRepository.Row row) {
        return row.isPublic() || row.role() != null;
    }

    private static PlaylistRepository.Row readable(PlaylistRepository.Row row, UUID id) {
        if (row == null || !mayRead(row)) {
            throw ApiException.notFound("There is no playlist " + id + ".");
        }
        return row;
    }
}
