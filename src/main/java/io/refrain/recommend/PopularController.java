package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/popular", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class PopularController {

    private final PopularNow popular;

    PopularController(PopularNow popular) {
        this.popular = popular;
    }

    @GetMapping("/{kind}")
    @Operation(summary = "Popular now: the most played tracks, artists or albums", description = """
            `kind` is `tracks`, `artists` or `albums`; `window` `7d` (default) or `30d`; `genre` a genre name for \
            that genre's list (default: all music); `by` `plays` (default) or `listeners` (distinct users). Counted \
            over everyone's listens by a job every `refrain.recommend.popular.refresh-interval` (each entry has \
            `refreshedAt`); a refresh replaces the lists at once, so a page never mixes two refreshes' ranks. \
            Each list keeps the top `refrain.recommend.popular.size` entries. limit 1–100 (default 50), \
            cursor-paged.""")
    Page<PopularNow.Entry> page(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String kind,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) String genre,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return popular.page(user.id(), kind, window, genre, by, Limits.pageSize(limit, 50, 100), cursor);
    }
}
