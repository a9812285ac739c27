package io.refrain.accounts;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me", produces = "application/json")
@Tag(name = "me", description = "The signed-in user's profile, settings and account.")
class MeController {

    private final AccountService accounts;
    private final SessionService sessions;

    MeController(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "Your profile")
    ProfileView profile(@Parameter(hidden = true) AuthenticatedUser user) {
        return accounts.profile(user.id());
    }

    @PatchMapping(consumes = {"application/json", "application/merge-patch+json"})
    @Operation(
            summary = "Change display name (1–100), bio (≤ 1000) or avatar URL (http(s), ≤ 2048)",
            description = "Absent or null fields stay as they are; an empty string clears bio or avatarUrl.")
    ProfileView updateProfile(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody UpdateProfileRequest request) {
        return accounts.updateProfile(user.id(), request);
    }

    @GetMapping("/settings")
    @Operation(summary = "Your settings")
    Settings settings(@Parameter(hidden = true) AuthenticatedUser user) {
        return accounts.settings(user.id());
    }

    @PutMapping(path = "/settings", consumes = "application/json")
    @Operation(summary = "Replace your settings", description = "Every field is required; unknown fields are refused.")
    Settings replaceSettings(@Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody Settings settings) {
        return accounts.replaceSettings(user.id(), settings);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "End the current session",
            description = "The access token used and its refresh tokens stop working.")
    void logout(@Parameter(hidden = true) AuthenticatedUser user) {
        sessions.logout(user.id(), user.sessionId());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete your account",
            description = "Removes the account and everything it owns, at once and for good.")
    void delete(@Parameter(hidden = true) AuthenticatedUser user) {
        accounts.delete(user.id());
    }
}
