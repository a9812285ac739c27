package io.refrain.history;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/stats", produces = "application/json")
@Tag(name = "statistics", description = """
        Your listening statistics, current as soon as a listen is stored (no daily batch). Ranges are in UTC days \
        ending today: `week` = the last 7 days, `month` = the last 30, `year` = the last 365, `all_time`. A play \
        counts for every main or featured artist of its track and for every genre of it; skipped plays count \
        as plays (and as skips).""")
class StatsController {

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/top/{kind}")
    @Operation(summary = "Your top tracks, artists, albums or genres", description = """
            `kind` is tracks, artists, albums or genres; `range` is week, month, year or all_time (default); \
            ranked by plays, then time played. limit 1–100 (default 20), offset 0–1000.""")
    StatsService.TopList top(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable String kind,
            @RequestParam(required = false) String range,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return stats.top(user.id(), kind, range, limit, offset);
    }

    @GetMapping("/activity")
    @Operation(summary = "When you listen", description = """
            Plays and time played per UTC day (per month for all_time) and per hour of day (UTC), over `range` \
            (week, month, year or all_time, the default).""")
    StatsService.Activity activity(
            @Parameter(hidden = true) AuthenticatedUser user, @RequestParam(required = false) String range) {
        return stats.activity(user.id(), range);
    }
}
