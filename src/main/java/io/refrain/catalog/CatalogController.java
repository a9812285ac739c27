package io.refrain.catalog;

import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "catalog", description = "The shared catalog: tracks, albums, artists, genres.")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    record TrackList(List<TrackView> items) {
    }

    @GetMapping("/tracks/{id}")
    @Operation(summary = "A track with credits, album, genres, external ids and audio features")
    TrackView track(@PathVariable long id) {
        return catalog.track(id);
    }

    @GetMapping("/tracks")
    @Operation(summary = "Several tracks at once", description = "Up to 100 ids, comma-separated; answered in the "
            + "order asked; unknown ids are left out.")
    TrackList tracks(@Parameter(description = "comma-separated track ids, at most 100") @RequestParam List<Long> ids) {
        return new TrackList(catalog.tracks(ids));
    }

    @GetMapping("/albums/{id}")
    @Operation(summary = "An album with all its tracks")
    AlbumView album(@PathVariable long id) {
        return catalog.album(id);
    }

    @GetMapping("/artists/{id}")
    @Operation(summary = "An artist with genres, newest albums (up to 50) and top tracks (up to 10)")
    ArtistView artist(@PathVariable long id) {
        return catalog.artist(id);
    }

    @GetMapping("/genres")
    @Operation(summary = "All genres with their parent genre and track count")
    List<GenreView> genres() {
        return catalog.genres();
    }

    @GetMapping("/genres/{name}/tracks")
    @Operation(summary = "A genre's tracks, most popular first", description = "limit 1–100 (default 20); pass `next` "
            + "as `cursor` for the following page.")
    Page<TrackView> genreTracks(@PathVariable String name, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        return catalog.genreTracks(name, Limits.pageSize(limit, 20, 100), cursor);
    }
}
