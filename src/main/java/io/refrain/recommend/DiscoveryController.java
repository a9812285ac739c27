package io.refrain.recommend;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/discovery", produces = "application/json")
@Tag(name = "recommendations", description = RecommendationController.TAG)
class DiscoveryController {

    private final DiscoveryService discovery;

    DiscoveryController(DiscoveryService discovery) {
        this.discovery = discovery;
    }

    @GetMapping
    @Operation(summary = "Your discovery sessions, newest first, with their acceptance rates", description = """
            A session is a recommendation answer asked for with `session=true`. Its acceptance rate is the share of \
            its tracks you played to the end, saved or loved after it was made; `skipped` counts those you skipped. \
            Both are read from your history and library when you ask, so they are always current. Sessions are kept \
            for `refrain.recommend.discovery.retention`. limit 1–100 (default 20), cursor-paged.""")
    Page<DiscoveryService.Summary> page(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return discovery.page(user.id(), Limits.pageSize(limit, 20, 100), cursor);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One discovery session: each track, its reasons and what became of it",
            description = "404 for a session that is not yours.")
    DiscoveryService.Detail find(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id) {
        return discovery.find(user.id(), id);
    }
}
