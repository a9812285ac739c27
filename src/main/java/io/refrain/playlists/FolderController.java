package io.refrain.playlists;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(
        name = "playlist folders",
        description = "Your private, nested folders of playlists (at most 1000; names 1–200 "
                + "characters). Someone else's folder answers 404.")
class FolderController {

    private final FolderService folders;

    FolderController(FolderService folders) {
        this.folders = folders;
    }

    @PostMapping(path = "/me/folders", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a folder",
            description = "name 1–200 characters; parentId: a folder of yours, or absent for the top level.")
    FolderView create(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody PlaylistRequests.CreateFolder body) {
        return folders.create(user.id(), body.name(), body.parentId());
    }

    @GetMapping("/me/folders")
    @Operation(
            summary = "Your folders in a folder",
            description =
                    "The sub-folders of `parent` (absent: the top level), " + "by name; limit 1–100 (default 50).")
    Page<FolderView> children(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) UUID parent,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return folders.children(
                user.id(),
                parent,
                Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX),
                cursor);
    }

    @GetMapping("/me/folders/{id}")
    @Operation(summary = "One of your folders")
    FolderView get(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        return folders.get(user.id(), id);
    }

    @PatchMapping(
            path = "/me/folders/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @Operation(summary = "Rename a folder", description = "name 1–200 characters.")
    FolderView rename(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PlaylistRequests.RenameFolder body) {
        return folders.rename(user.id(), id, body.name());
    }

    @PutMapping(path = "/me/folders/{id}/parent", consumes = "application/json")
    @Operation(
            summary = "Move a folder",
            description = "Into another folder of yours (parentId) or to the top level "
                    + "(parentId null). Into itself or a folder inside it: 409 folder-cycle.")
    FolderView move(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestBody PlaylistRequests.MoveFolder body) {
        return folders.move(user.id(), id, body.parentId());
    }

    @DeleteMapping("/me/folders/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a folder",
            description = "A non-empty folder needs mode: move-contents-up (its folders "
                    + "and playlists go to its parent) or delete-contents (its folders go, and the playlists you own in them are "
                    + "deleted; others' playlists are only unfiled). Without a mode: 409 folder-not-empty.")
    void delete(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String mode) {
        folders.delete(user.id(), id, FolderService.mode(mode));
    }

    @GetMapping("/me/folders/{id}/playlists")
    @Operation(
            summary = "The playlists filed in a folder",
            description = "Those you may still read; limit 1–100 (default 50).")
    Page<PlaylistView> playlists(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return folders.playlists(
                user.id(), id, Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX), cursor);
    }

    @PutMapping(path = "/playlists/{playlistId}/folder", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "File a playlist in one of your folders",
            description = "Any playlist you may read; a playlist "
                    + "is in at most one of your folders, so this moves it from another.")
    void file(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID playlistId,
            @Valid @RequestBody PlaylistRequests.File body) {
        folders.file(user.id(), playlistId, body.folderId());
    }

    @DeleteMapping("/playlists/{playlistId}/folder")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a playlist out of your folders", description = "Idempotent.")
    void unfile(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID playlistId) {
        folders.unfile(user.id(), playlistId);
    }
}
