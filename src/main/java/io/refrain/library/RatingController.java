package io.refrain.library;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(
        name = "ratings",
        description = "Your ratings (0–5 in half steps) of tracks, albums and artists, and loved tracks. "
                + "Your rating and loved flag show in `me` on every track you are shown.")
class RatingController {

    private static final String KIND = "tracks, albums or artists";

    private final RatingService ratings;
    private final LibraryService library;

    RatingController(RatingService ratings, LibraryService library) {
        this.ratings = ratings;
        this.library = library;
    }

    @Schema(description = "A rating from 0 to 5 in steps of 0.5")
    record RatingRequest(@Schema(example = "4.5") Double rating) {}

    record RatingView(long id, double rating) {}

    @PutMapping(path = "/ratings/{kind}/{id}", consumes = "application/json")
    @Operation(
            summary = "Rate a track, album or artist",
            description = "kind: " + KIND + ". rating: 0 to 5 in steps of 0.5 (anything else is a 400). Replaces an "
                    + "earlier rating. 404 when the catalog has no such entry.")
    RatingView rate(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String kind,
            @PathVariable long id,
            @RequestBody RatingRequest request) {
        return new RatingView(id, ratings.rate(user.id(), kind(kind), id, request.rating()));
    }

    @DeleteMapping("/ratings/{kind}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove your rating", description = "kind: " + KIND + ". Nothing happens when not rated.")
    void unrate(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String kind, @PathVariable long id) {
        ratings.unrate(user.id(), kind(kind), id);
    }

    @GetMapping("/ratings/{kind}")
    @Operation(
            summary = "Your ratings of several entries",
            description = "kind: " + KIND + ". Up to 50 ids; answers a JSON array with your rating of each, in the "
                    + "order asked, null where you have not rated it.")
    List<Double> ratingsOf(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String kind,
            @Parameter(description = LibraryController.IDS) @RequestParam(required = false) List<Long> ids) {
        return ratings.ratings(user.id(), kind(kind), ids);
    }

    @PutMapping("/loved/tracks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Love a track",
            description = "Loving again changes nothing. 404 for a track the catalog lacks.")
    void love(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        ratings.love(user.id(), id);
    }

    @GetMapping("/loved/tracks")
    @Operation(
            summary = "Your loved tracks, newest loved first",
            description = "Each item is the time it was loved (`savedAt`) and the full track with your own state. "
                    + LibraryController.PAGE)
    Page<LibraryService.SavedTrack> loved(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return library.lovedTracks(user.id(), Limits.pageSize(limit, 20, 50), cursor);
    }

    @DeleteMapping("/loved/tracks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop loving a track", description = "Nothing happens when it was not loved.")
    void unlove(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        ratings.unlove(user.id(), id);
    }

    private static Rated kind(String name) {
        Rated kind = Rated.fromPath(name);
        if (kind == null) {
            throw ApiException.notFound("There is nothing to rate called '" + name + "': use " + KIND + ".");
        }
        return kind;
    }
}
