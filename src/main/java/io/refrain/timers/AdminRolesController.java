package io.refrain.timers;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(
        name = "roles (admin)",
        description = "Timed global roles — curator (edits the catalog), moderator (moderates party chats), supporter "
                + "(raised limits, a badge) — granted by administrators for a while, with warnings before they run "
                + "out (refrain.timers.warnings) and an audit trail. A role authorises only while running and before "
                + "its end, checked at every request. Nobody changes their own roles.")
class AdminRolesController {

    private final RoleGrants grants;
    private final RoleListings listings;

    AdminRolesController(RoleGrants grants, RoleListings listings) {
        this.grants = grants;
        this.listings = listings;
    }

    record Timers(List<RoleTimerView> items) {}

    @PostMapping(path = "/users/{userId}/roles", consumes = "application/json")
    @Operation(summary = "Grant a role for a while", description = """
            `{role, durationSeconds}` or `{role, endsAt}` (1 second to 10 years). Granting a role the user holds \
            extends it by as much, onto what is left (a paused one stays paused). 400 for an unknown role or a \
            duration out of range, 404 for a missing user.""")
    RoleTimerView grant(
            @Parameter(hidden = true) AuthenticatedUser admin,
            @PathVariable UUID userId,
            @RequestBody GrantRoleRequest request) {
        return grants.grant(admin, userId, request);
    }

    @PostMapping(path = "/users/{userId}/roles/{role}/extend", consumes = "application/json")
    @Operation(summary = "Add time to a role", description = """
            `{seconds}`, added to what is left (a paused role stays paused, with more left). It may not then be \
            held for more than 10 years. 404 when the user does not hold it.""")
    RoleTimerView extend(
            @Parameter(hidden = true) AuthenticatedUser admin,
            @PathVariable UUID userId,
            @PathVariable String role,
            @RequestBody ExtendRoleRequest request) {
        return grants.extend(admin, userId, role, request);
    }

    @PostMapping("/users/{userId}/roles/{role}/pause")
    @Operation(summary = "Pause a role", description = """
            Its time stands still and it does not authorise until resumed; its warnings wait too. 409 \
            `already-paused` when it is paused.""")
    RoleTimerView pause(
            @Parameter(hidden = true) AuthenticatedUser admin, @PathVariable UUID userId, @PathVariable String role) {
        return grants.pause(admin, userId, role);
    }

    @PostMapping("/users/{userId}/roles/{role}/resume")
    @Operation(summary = "Resume a paused role", description = """
            It runs again with the time it had left, and its warnings are re-armed. 409 `not-paused` when it \
            is running.""")
    RoleTimerView resume(
            @Parameter(hidden = true) AuthenticatedUser admin, @PathVariable UUID userId, @PathVariable String role) {
        return grants.resume(admin, userId, role);
    }

    @DeleteMapping("/users/{userId}/roles/{role}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a role now", description = "It stops authorising at once. 404 when it is not held.")
    void revoke(
            @Parameter(hidden = true) AuthenticatedUser admin, @PathVariable UUID userId, @PathVariable String role) {
        grants.revoke(admin, userId, role);
    }

    @GetMapping("/users/{userId}/roles")
    @Operation(summary = "A user's timed roles", description = "Running and paused ones, with the seconds left.")
    Timers ofUser(@Parameter(hidden = true) AuthenticatedUser admin, @PathVariable UUID userId) {
        return new Timers(listings.ofUser(admin, userId));
    }

    @GetMapping("/users/{userId}/role-events")
    @Operation(summary = "A user's role audit trail, newest first", description = """
            Every grant, extension, pause, resume, revoke, warning and expiry, with who did it (null: the sweep) \
            and the state after. limit 1–100 (default 50).""")
    Page<RoleEventView> events(
            @Parameter(hidden = true) AuthenticatedUser admin,
            @PathVariable UUID userId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return listings.events(admin, userId, Limits.pageSize(limit, 50, 100), cursor);
    }

    @GetMapping("/roles")
    @Operation(summary = "All timed roles that still hold", description = """
            Filters: `role`, `endingBefore` (running ones that run out before that instant), `paused` (true: only \
            paused, false: only running). In user order; limit 1–100 (default 50), `cursor` from the last page.""")
    Page<RoleTimerView> all(
            @Parameter(hidden = true) AuthenticatedUser admin,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) Instant endingBefore,
            @RequestParam(required = false) Boolean paused,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return listings.timers(admin, role, endingBefore, paused, Limits.pageSize(limit, 50, 100), cursor);
    }
}
