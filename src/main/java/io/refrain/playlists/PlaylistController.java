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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(
        name = "playlists",
        description = "Playlists, their details, collaborators and follows. A playlist someone may not "
                + "read answers 404; one they may read but not change answers 403.")
class PlaylistController {

    private final PlaylistService playlists;

    PlaylistController(PlaylistService playlists) {
        this.playlists = playlists;
    }

    @PostMapping(path = "/playlists", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a playlist",
            description = "name 1–200 characters, description ≤ 2000, coverUrl http(s) "
                    + "≤ 2048, public (default false). Starts at version 1.")
    PlaylistView create(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody PlaylistRequests.Create request) {
        return playlists.create(user.id(), request);
    }

    @GetMapping("/playlists/{id}")
    @Operation(
            summary = "A playlist's details",
            description = "Its owner, collaborators and anyone for a public one. "
                    + "ETag \"<version>-<your role>\"; If-None-Match answers 304.")
    ResponseEntity<PlaylistView> get(
            @Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id, WebRequest request) {
        PlaylistView view = playlists.get(id, user.id());
        String etag = "\"" + view.version() + "-" + view.role() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(view);
    }

    @PatchMapping(
            path = "/playlists/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @Operation(
            summary = "Change name, description, cover URL or visibility (owner only)",
            description = "Limits as on create. Name the version the change is based on (body `version` or If-Match) "
                    + "to get 409 version-conflict instead of overwriting a newer change. Raises the version.")
    PlaylistView update(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PlaylistRequests.Update body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return playlists.update(id, user.id(), body, Versions.expected(body.version(), ifMatch));
    }

    @DeleteMapping("/playlists/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a playlist (owner only)",
            description = "If-Match may name the expected version (409 when stale).")
    void delete(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        playlists.delete(id, user.id(), Versions.expected(null, ifMatch));
    }

    @GetMapping("/me/playlists")
    @Operation(
            summary = "Your playlists: owned and collaborating",
            description = "Newest first; limit 1–100 (default 50).")
    Page<PlaylistView> mine(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return playlists.mine(
                user.id(), Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX), cursor);
    }

    @GetMapping("/users/{userId}/playlists")
    @Operation(summary = "A user's public playlists", description = "Newest first; limit 1–100 (default 50).")
    Page<PlaylistView> ofUser(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID userId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return playlists.publicOf(
                userId,
                user.id(),
                Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX),
                cursor);
    }

    @GetMapping("/me/followed-playlists")
    @Operation(
            summary = "Playlists you follow",
            description = "Most recently followed first (`createdAt` is when you "
                    + "followed); ones you may no longer read are left out. limit 1–100 (default 50).")
    Page<PlaylistView> followed(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return playlists.followed(
                user.id(), Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX), cursor);
    }

    @PutMapping("/playlists/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Follow a playlist", description = "A public one or one you collaborate on. Idempotent.")
    void follow(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        playlists.follow(id, user.id());
    }

    @DeleteMapping("/playlists/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unfollow a playlist", description = "Idempotent.")
    void unfollow(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        playlists.unfollow(id, user.id());
    }

    @GetMapping("/playlists/{id}/collaborators")
    @Operation(
            summary = "A playlist's collaborators",
            description = "Anyone who may read the playlist. limit 1–100 (default 50).")
    Page<CollaboratorView> collaborators(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return playlists.collaborators(
                id, user.id(), Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX), cursor);
    }

    @PutMapping(path = "/playlists/{id}/collaborators/{userId}", consumes = "application/json")
    @Operation(
            summary = "Invite a collaborator or change their role (owner only)",
            description =
                    "role: viewer (reads a private playlist, votes) or editor (also changes tracks). At most 100 collaborators.")
    CollaboratorView putCollaborator(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @Valid @RequestBody PlaylistRequests.Collaborator body) {
        return playlists.putCollaborator(id, user.id(), userId, body.role());
    }

    @DeleteMapping("/playlists/{id}/collaborators/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Remove a collaborator",
            description = "The owner removes anyone; a collaborator may remove themselves.")
    void removeCollaborator(
            @Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        playlists.removeCollaborator(id, user.id(), userId);
    }
}
