package io.refrain.playlists.smart;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping(path = "/api/v1/smart-playlists", produces = "application/json")
@Tag(
        name = "smart playlists",
        description = "Playlists defined by rules (a superset of Navidrome's .nsp format) that fill "
                + "and refresh themselves. Private to their owner (others get 404) and read-only as track lists. Invalid rules "
                + "answer 422 invalid-rules with the JSON path of each mistake in `errors`.")
class SmartPlaylistController {

    private static final int PAGE_DEFAULT = 50;
    private static final int PAGE_MAX = 100;
    private static final int PREVIEW_DEFAULT = 20;

    private final SmartPlaylistService smart;

    SmartPlaylistController(SmartPlaylistService smart) {
        this.smart = smart;
    }

    @PostMapping(path = "/preview", consumes = "application/json")
    @Operation(
            summary = "What rules would give now",
            description =
                    "Body: the rules alone ({\"all\": [...], \"sort\": ..., \"limit\": ...}). Returns how many tracks "
                            + "the playlist would hold and its first `limit` tracks (1–100, default 20), each with the paths of the "
                            + "conditions it satisfies. Nothing is saved.")
    SmartPreview preview(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestBody JsonNode rules,
            @RequestParam(required = false) Integer limit) {
        return smart.preview(user.id(), rules, Limits.pageSize(limit, PREVIEW_DEFAULT, PAGE_MAX));
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a smart playlist",
            description =
                    "name 1–200, description ≤ 2000, rules. The tracks are "
                            + "built at once. A condition inPlaylist/notInPlaylist names a playlist you can read or one of your smart "
                            + "playlists; a reference back to the playlist itself (directly or through others) is 422. Access is checked "
                            + "again at every rebuild: a playlist you can no longer read (made private, you were removed as a "
                            + "collaborator, deleted) counts as empty from the next read on and is listed in `unavailablePlaylists`.")
    SmartPlaylistView create(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody SmartPlaylistRequest body) {
        return smart.create(user.id(), body);
    }

    @GetMapping
    @Operation(summary = "Your smart playlists, newest first", description = "limit 1–100 (default 50).")
    Page<SmartPlaylistView> mine(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return smart.mine(user.id(), Limits.pageSize(limit, PAGE_DEFAULT, PAGE_MAX), cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A smart playlist's details and rules")
    SmartPlaylistView get(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        return smart.get(user.id(), id);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace name, description and rules", description = "The tracks are rebuilt at once.")
    SmartPlaylistView replace(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody SmartPlaylistRequest body) {
        return smart.replace(user.id(), id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a smart playlist")
    void delete(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        smart.delete(user.id(), id);
    }

    @GetMapping("/{id}/tracks")
    @Operation(
            summary = "A page of the tracks",
            description =
                    "limit 1–100 (default 50). The membership is stored; it is rebuilt before this read when your "
                            + "library, ratings, tags, plays or playlists changed since the last build and the minimum delay "
                            + "(refrain.playlists.smart.min-refresh-delay, default 1 minute) has passed.")
    Page<SmartPlaylistEntryView> tracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return smart.tracks(user.id(), id, Limits.pageSize(limit, PAGE_DEFAULT, PAGE_MAX), cursor);
    }

    @PostMapping("/{id}/refresh")
    @Operation(
            summary = "Rebuild the tracks now",
            description = "Also picks up catalog changes, which do not mark playlists stale.")
    SmartPlaylistView refresh(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        return smart.refresh(user.id(), id);
    }

    @PostMapping(path = "/import", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Import a Navidrome .nsp file",
            description = "Body: the .nsp JSON unchanged (name, comment, all/any, "
                    + "sort, order, limit). Field names are matched regardless of case.")
    SmartPlaylistView importNsp(@Parameter(hidden = true) AuthenticatedUser user, @RequestBody JsonNode nsp) {
        return smart.importNsp(user.id(), nsp);
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Export as a .nsp file", description = "name, comment and the rules in canonical form.")
    ObjectNode export(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        return smart.export(user.id(), id);
    }
}
