package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/generated-playlists", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class GeneratedController {

    private final GeneratedPlaylists generated;

    GeneratedController(GeneratedPlaylists generated) {
        this.generated = generated;
    }

    @GetMapping
    @Operation(summary = "Your generated playlists: the daily mix and the weekly discovery", description = """
            The daily mix is your own music (what you play more than you skip, love and save, weighted toward \
            recent plays, without what you played in the last day) mixed anew each day; the weekly discovery is \
            tracks you never played, recommended from your profile, new each week. 50 tracks each, at most 2 per \
            artist. A job regenerates them for users active in the last `refrain.recommend.generated.active-within`; \
            one that is missing or expired is generated when you ask.""")
    List<GeneratedPlaylists.View> mine(@Parameter(hidden = true) AuthenticatedUser user) {
        return generated.mine(user.id());
    }

    @GetMapping("/{kind}")
    @Operation(summary = "One generated playlist", description = "`kind` is `daily-mix` or `weekly-discovery`.")
    GeneratedPlaylists.View get(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String kind) {
        return generated.get(user.id(), GeneratedKind.parse(kind));
    }

    @PostMapping("/{kind}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep a generated playlist as a playlist of your own", description = """
            Makes a new private playlist with the generated playlist's current tracks, named after it and its day; \
            it stays when the generated one is regenerated. Each call makes another playlist.""")
    GeneratedPlaylists.Copy copy(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String kind) {
        return generated.copy(user.id(), GeneratedKind.parse(kind));
    }
}
