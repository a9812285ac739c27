package io.refrain.timers;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "roles", description = "Your roles, and the badges other users show.")
class MyRolesController {

    private final Roles roles;

    MyRolesController(Roles roles) {
        this.roles = roles;
    }

    record MyRoles(
            @Schema(description = "roles held without a timer (`user`, `admin`)")
            List<String> permanent,

            @Schema(description = "timed roles, running or paused, with the seconds left")
            List<RoleTimerView> timed) {}

    record Badges(
            @Schema(description = "the global roles the user holds now: curator, moderator, supporter")
            List<Role> badges) {}

    @GetMapping(path = "/api/v1/me/roles", produces = "application/json")
    @Operation(summary = "Your roles", description = """
            Your permanent roles and your timed ones with their state (`running` or `paused`), end and seconds \
            left. You are also notified before a timed role runs out (GET /api/v1/me/notifications).""")
    MyRoles mine(@Parameter(hidden = true) AuthenticatedUser user) {
        return new MyRoles(user.roles().stream().sorted().toList(), roles.of(user.id()));
    }

    @GetMapping(path = "/api/v1/users/{userId}/badges", produces = "application/json")
    @Operation(summary = "A user's badges", description = """
            The global roles a user holds now, for any signed-in user to show (a supporter's badge). Empty for \
            an account that does not exist.""")
    Badges badges(@PathVariable UUID userId) {
        return new Badges(roles.of(userId).stream()
                .filter(t -> !t.role().scoped() && "running".equals(t.state()))
                .map(RoleTimerView::role)
                .toList());
    }
}
