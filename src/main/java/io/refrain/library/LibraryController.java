package io.refrain.library;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "library", description = "Your saved tracks and albums and the artists you follow. Only ever your own.")
class LibraryController {

    static final String IDS = "comma-separated catalog ids, 1 to 50; duplicates count once";
    static final String PAGE = "limit 1–50 (default 20); pass `next` as `cursor` for the following page.";
    private static final String ADD =
            "Up to 50 ids at once, all or nothing: when the catalog lacks any of them, nothing "
                    + "is saved and the 404 lists them in `unknownIds`. Saving again changes nothing (the first time stays).";

    private final LibraryService library;

    LibraryController(LibraryService library) {
        this.library = library;
    }

    // ---------------------------------------------------------------- saved tracks

    @PutMapping("/tracks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Save tracks", description = ADD)
    void saveTracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.add(user.id(), Shelf.SAVED_TRACKS, ids);
    }

    @DeleteMapping("/tracks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove saved tracks", description = "Up to 50 ids; ids not saved are ignored.")
    void removeTracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.remove(user.id(), Shelf.SAVED_TRACKS, ids);
    }

    @GetMapping("/tracks")
    @Operation(
            summary = "Your saved tracks, newest saved first",
            description = "Each item is the time it was saved and the full track with your own state. " + PAGE)
    Page<LibraryService.SavedTrack> savedTracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return library.savedTracks(user.id(), Limits.pageSize(limit, 20, 50), cursor);
    }

    @GetMapping("/tracks/contains")
    @Operation(
            summary = "Are these tracks saved?",
            description = "Up to 50 ids; answers a JSON array of booleans in " + "the order asked.")
    List<Boolean> containsTracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        return library.contains(user.id(), Shelf.SAVED_TRACKS, ids);
    }

    // ---------------------------------------------------------------- saved albums

    @PutMapping("/albums")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Save albums", description = ADD)
    void saveAlbums(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.add(user.id(), Shelf.SAVED_ALBUMS, ids);
    }

    @DeleteMapping("/albums")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove saved albums", description = "Up to 50 ids; ids not saved are ignored.")
    void removeAlbums(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.remove(user.id(), Shelf.SAVED_ALBUMS, ids);
    }

    @GetMapping("/albums")
    @Operation(
            summary = "Your saved albums, newest saved first",
            description = "Each item is the time it was saved and the album with its artists. " + PAGE)
    Page<LibraryService.SavedAlbum> savedAlbums(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return library.savedAlbums(user.id(), Limits.pageSize(limit, 20, 50), cursor);
    }

    @GetMapping("/albums/contains")
    @Operation(
            summary = "Are these albums saved?",
            description = "Up to 50 ids; answers a JSON array of booleans in " + "the order asked.")
    List<Boolean> containsAlbums(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        return library.contains(user.id(), Shelf.SAVED_ALBUMS, ids);
    }

    // ---------------------------------------------------------------- followed artists

    @PutMapping("/following/artists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Follow artists", description = ADD)
    void follow(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.add(user.id(), Shelf.FOLLOWED_ARTISTS, ids);
    }

    @DeleteMapping("/following/artists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unfollow artists", description = "Up to 50 ids; artists not followed are ignored.")
    void unfollow(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        library.remove(user.id(), Shelf.FOLLOWED_ARTISTS, ids);
    }

    @GetMapping("/following/artists")
    @Operation(summary = "The artists you follow, newest followed first", description = PAGE)
    Page<LibraryService.FollowedArtist> followed(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return library.followedArtists(user.id(), Limits.pageSize(limit, 20, 50), cursor);
    }

    @GetMapping("/following/artists/contains")
    @Operation(
            summary = "Do you follow these artists?",
            description = "Up to 50 ids; answers a JSON array of " + "booleans in the order asked.")
    List<Boolean> containsArtists(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = IDS) @RequestParam(required = false) List<Long> ids) {
        return library.contains(user.id(), Shelf.FOLLOWED_ARTISTS, ids);
    }
}
