package io.refrain.catalog;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "catalog", description = "The shared catalog: tracks, albums, artists, genres.")
class CatalogController {

    private final CatalogService catalog;
    private final CatalogEditor editor;
    private final SourceLookup sources;

    CatalogController(CatalogService catalog, CatalogEditor editor, SourceLookup sources) {
        this.catalog = catalog;
        this.editor = editor;
        this.sources = sources;
    }

    record TrackList(List<TrackView> items) {}

    @GetMapping("/tracks/{id}")
    @Operation(summary = "A track with credits, album, genres, external ids and audio features")
    TrackView track(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return catalog.track(user.id(), id);
    }

    @GetMapping("/tracks")
    @Operation(
            summary = "Several tracks at once",
            description = "Up to 100 ids, comma-separated; answered in the " + "order asked; unknown ids are left out.")
    TrackList tracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @Parameter(description = "comma-separated track ids, at most 100") @RequestParam List<Long> ids) {
        return new TrackList(catalog.tracks(user.id(), ids));
    }

    @GetMapping("/tracks/by-source/{provider}/{id}")
    @Operation(
            summary = "A track by an external id (musicbrainz, spotify, isrc, …)",
            description = "Served from the catalog when a track has that id. Otherwise, for a provider with a "
                    + "connector (musicbrainz), the source is asked, and what it returns is saved to the catalog "
                    + "and returned; concurrent requests for the same id share one lookup. 404 when neither knows "
                    + "it; 503 with Retry-After when the source cannot answer now.")
    TrackView bySource(
            @Parameter(hidden = true) AuthenticatedUser user, @PathVariable String provider, @PathVariable String id) {
        return catalog.track(user.id(), sources.bySource(provider, id));
    }

    @PostMapping(path = "/tracks", consumes = "application/json")
    @Operation(
            summary = "Create a track (administrators only)",
            description = "Artists and album are given by name: an existing artist with exactly that name is reused, "
                    + "else created; the album likewise (same title, same first artist). At most 20 artists, 20 "
                    + "genres, 20 external ids; an external id that already belongs to another track is a 409.")
    ResponseEntity<TrackView> create(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody TrackDraft draft) {
        long id = editor.create(user, draft);
        return ResponseEntity.created(URI.create("/api/v1/tracks/" + id)).body(catalog.track(user.id(), id));
    }

    @PutMapping(path = "/tracks/{id}", consumes = "application/json")
    @Operation(
            summary = "Replace a track (administrators only)",
            description = "The body replaces every field, credit, genre, external id and the audio features.")
    TrackView update(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long id,
            @Valid @RequestBody TrackDraft draft) {
        editor.update(user, id, draft);
        return catalog.track(user.id(), id);
    }

    @DeleteMapping("/tracks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a track (administrators only)")
    void delete(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        editor.delete(user, id);
    }

    @GetMapping("/albums/{id}")
    @Operation(summary = "An album with all its tracks")
    AlbumView album(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return catalog.album(user.id(), id);
    }

    @GetMapping("/artists/{id}")
    @Operation(summary = "An artist with genres, newest albums (up to 50) and top tracks (up to 10)")
    ArtistView artist(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return catalog.artist(user.id(), id);
    }

    @GetMapping("/genres")
    @Operation(summary = "All genres with their parent genre and track count")
    List<GenreView> genres() {
        return catalog.genres();
    }

    @GetMapping("/genres/{name}/tracks")
    @Operation(
            summary = "A genre's tracks, most popular first",
            description = "limit 1–100 (default 20); pass `next` " + "as `cursor` for the following page.")
    Page<TrackView> genreTracks(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String name,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return catalog.genreTracks(user.id(), name, Limits.pageSize(limit, 20, 100), cursor);
    }
}
