package io.refrain.playlists;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's private, nested folders of playlists. Changes of one user's folders run one after
 * another (a per-user transaction lock), so the cycle check of a move sees the folders as they are.
 */
@Service
class FolderService {

    public enum DeleteMode {
        MOVE_CONTENTS_UP,
        DELETE_CONTENTS
    }

    static final String FOLDER_NOT_EMPTY = "folder-not-empty";
    static final String FOLDER_CYCLE = "folder-cycle";
    private static final UUID MIN_UUID = new UUID(0, 0);

    /** Sub-folders continue after this name and id. */
    private record AfterFolder(String name, UUID id) {
        static final AfterFolder FIRST = new AfterFolder("", MIN_UUID);
    }

    /** A folder's playlists continue after this playlist id. */
    private record AfterPlaylist(UUID id) {
        static final AfterPlaylist FIRST = new AfterPlaylist(MIN_UUID);
    }

    private static final CursorCodec<AfterFolder> CHILDREN_CURSOR = CursorCodec.of(AfterFolder.class);
    private static final CursorCodec<AfterPlaylist> FILED_CURSOR = CursorCodec.of(AfterPlaylist.class);

    private final FolderRepository folders;
    private final PlaylistRepository playlists;
    private final PlaylistAccess access;
    private final Clock clock;

    FolderService(FolderRepository folders, PlaylistRepository playlists, PlaylistAccess access, Clock clock) {
        this.folders = folders;
        this.playlists = playlists;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public FolderView create(UUID user, String name, UUID parent) {
        PlaylistLimits.noNul("name", name);
        folders.lockUser(user);
        if (parent != null) {
            folder(user, parent);
        }
        if (folders.count(user) >= PlaylistLimits.MAX_FOLDERS) {
            throw ApiException.conflict(
                    ProblemTypes.CONFLICT,
                    "You have " + PlaylistLimits.MAX_FOLDERS + " folders, the most there may be.");
        }
        UUID id = UUID.randomUUID();
        folders.insert(user, id, parent, name.strip(), clock.instant());
        return folder(user, id);
    }

    /** The sub-folders of a folder (null: the top level), by name. */
    @Transactional(readOnly = true)
    public Page<FolderView> children(UUID user, UUID parent, int limit, String cursor) {
        if (parent != null) {
            folder(user, parent);
        }
        AfterFolder after = CHILDREN_CURSOR.decodeOr(cursor, AfterFolder.FIRST);
        var rows = folders.children(user, parent, after.name(), after.id(), limit + 1);
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown,
                more
                        ? CHILDREN_CURSOR.encode(new AfterFolder(
                                shown.getLast().name(), shown.getLast().id()))
                        : null);
    }

    @Transactional(readOnly = true)
    public FolderView get(UUID user, UUID id) {
        return folder(user, id);
    }

    @Transactional
    public FolderView rename(UUID user, UUID id, String name) {
        PlaylistLimits.noNul("name", name);
        folders.lockUser(user);
        folder(user, id);
        folders.rename(user, id, name.strip());
        return folder(user, id);
    }

    /** Moves a folder into another (or to the top level); moving it into itself or below itself is a 409. */
    @Transactional
    public FolderView move(UUID user, UUID id, UUID parent) {
        folders.lockUser(user);
        folder(user, id);
        if (parent != null) {
            folder(user, parent);
            if (folders.isWithin(user, parent, id)) {
                throw new ApiException(
                        HttpStatus.CONFLICT, FOLDER_CYCLE, "A folder cannot move into itself or a folder inside it.");
            }
        }
        folders.move(user, id, parent);
        return folder(user, id);
    }

    /**
     * Deletes a folder. A non-empty one needs a mode: move-contents-up hands its folders and
     * playlists to its parent; delete-contents deletes the folders inside and the playlists you own
     * in them (playlists of others are only unfiled).
     */
    @Transactional
    public void delete(UUID user, UUID id, DeleteMode mode) {
        folders.lockUser(user);
        FolderView folder = folder(user, id);
        if (mode == null && !folders.isEmpty(user, id)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    FOLDER_NOT_EMPTY,
                    "The folder is not empty: delete it with mode=move-contents-up or mode=delete-contents.");
        }
        if (mode == DeleteMode.MOVE_CONTENTS_UP) {
            folders.moveContentsUp(user, id, folder.parentId());
        } else if (mode == DeleteMode.DELETE_CONTENTS) {
            folders.deleteOwnedPlaylistsWithin(user, id);
        }
        folders.delete(user, id);
    }

    /** Files a playlist the user may read in one of the user's folders (moving it from another). */
    @Transactional
    public void file(UUID user, UUID playlist, UUID folder) {
        access.read(playlist, user);
        folders.lockUser(user);
        folder(user, folder);
        folders.file(user, playlist, folder);
    }

    @Transactional
    public void unfile(UUID user, UUID playlist) {
        access.read(playlist, user);
        folders.unfile(user, playlist);
    }

    /** The playlists filed in a folder that the user may (still) read. */
    @Transactional(readOnly = true)
    public Page<PlaylistView> playlists(UUID user, UUID folder, int limit, String cursor) {
        folder(user, folder);
        UUID after = FILED_CURSOR.decodeOr(cursor, AfterPlaylist.FIRST).id();
        List<UUID> ids = folders.filed(user, folder, after, limit + 1);
        boolean more = ids.size() > limit;
        List<UUID> shown = more ? ids.subList(0, limit) : ids;
        List<PlaylistView> items = shown.isEmpty()
                ? List.of()
                : playlists.byIds(shown, user).stream()
                        .filter(r -> r.isPublic() || r.role() != null)
                        .map(PlaylistRepository.Row::view)
                        .toList();
        return new Page<>(items, more ? FILED_CURSOR.encode(new AfterPlaylist(shown.getLast())) : null);
    }

    public static DeleteMode mode(String mode) {
        if (mode == null) {
            return null;
        }
        try {
            return DeleteMode.valueOf(mode.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("mode", "must be move-contents-up or delete-contents");
        }
    }

    private FolderView folder(UUID user, UUID id) {
        return folders.find(user, id).orElseThrow(() -> ApiException.notFound("You have no folder " + id + "."));
    }
}
