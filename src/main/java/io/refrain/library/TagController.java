package io.refrain.library;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping(path = "/api/v1/me/tags", produces = "application/json")
@Tag(
        name = "tags",
        description = "Your own tags on tracks. Names 1–50 characters, unique whatever their case; at most "
                + "1,000 tags. Someone else's tag id is a 404.")
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @Schema(description = "A tag name: 1–50 characters; spaces around it are dropped")
    record TagRequest(@Schema(example = "late night") String name) {}

    @PostMapping(consumes = "application/json")
    @Operation(
            summary = "Create a tag",
            description = "name: 1–50 characters. 409 when you already have a tag of "
                    + "that name in any case, or have 1,000 tags.")
    ResponseEntity<TagService.TagView> create(
            @Parameter(hidden = true) AuthenticatedUser user, @RequestBody TagRequest request) {
        var tag = tags.create(user.id(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/me/tags/" + tag.id())).body(tag);
    }

    @GetMapping
    @Operation(summary = "Your tags, alphabetically, with track counts", description = LibraryController.PAGE)
    Page<TagService.TagView> list(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return tags.tags(user.id(), Limits.pageSize(limit, 20, 50), cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of your tags")
    TagService.TagView get(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return tags.tag(user.id(), id);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Rename a tag", description = "name: 1–50 characters; 409 when another of your tags has it.")
    TagService.TagView rename(
            @Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id, @RequestBody TagRequest request) {
        return tags.rename(user.id(), id, request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a tag", description = "The tracks stay where they are; only the tagging goes.")
    void delete(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        tags.delete(user.id(), id);
    }

    @PutMapping("/{id}/tracks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Tag tracks",
            description = "Up to 50 track ids, all or nothing: unknown ones are a 404 listed "
                    + "in `unknownIds`. Tagging again changes nothing.")
    void tag(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long id,
            @Parameter(description = LibraryController.IDS) @RequestParam(required = false) List<Long> ids) {
        tags.tagTracks(user.id(), id, ids);
    }

    @DeleteMapping("/{id}/tracks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Untag tracks", description = "Up to 50 track ids; ids not tagged are ignored.")
    void untag(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long id,
            @Parameter(description = LibraryController.IDS) @RequestParam(required = false) List<Long> ids) {
        tags.untagTracks(user.id(), id, ids);
    }

    @GetMapping("/{id}/tracks")
    @Operation(
            summary = "A tag's tracks, most recently tagged first",
            description = "Each item is the time it was tagged and the full track with your own state. "
                    + LibraryController.PAGE)
    Page<TagService.TaggedTrack> tracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return tags.tracks(user.id(), id, Limits.pageSize(limit, 20, 50), cursor);
    }
}
