package io.refrain.accounts;

import io.refrain.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/auth", produces = "application/json")
@Tag(
        name = "auth",
        description =
                "Sign-up, verification, login (password or e-mailed code), token refresh, logout. "
                        + "Login, verify and code endpoints are rate-limited per client address and per account (429 + Retry-After).")
@SecurityRequirements
class AuthController {

    private final AuthService auth;
    private final SessionService sessions;

    AuthController(AuthService auth, SessionService sessions) {
        this.auth = auth;
        this.sessions = sessions;
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Create an account",
            description = "Creates an unverified account and e-mails a 6-digit code (valid 10 minutes, single use, "
                    + "5 wrong tries invalidate it; a new code at most once a minute). The answer is the same "
                    + "whether or not the address already has an account. Password: 8–64 characters.")
    AcceptedResponse signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {
        return auth.signup(request, ClientAddress.of(http));
    }

    @PostMapping("/verify")
    @Operation(
            summary = "Verify the e-mail address with the code and log in",
            description = "400 `invalid-code` when the code is wrong, used or expired.")
    TokenResponse verify(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return auth.verify(request, ClientAddress.of(http));
    }

    @PostMapping("/login")
    @Operation(
            summary = "Log in with e-mail and password",
            description = "Returns a 15-minute access token and a 30-day refresh token. 401 `invalid-credentials` "
                    + "for a wrong address or password (indistinguishable); 403 `email-not-verified` (a new code "
                    + "is sent) when the password is right but the address is not verified yet.")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request, ClientAddress.of(http));
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Rotate a refresh token",
            description = "Returns a new access and refresh token; the old refresh token stops working. Presenting "
                    + "an already-rotated refresh token revokes its whole session (401 `refresh-token-reused`).")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return sessions.refresh(request, ClientAddress.of(http));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "End the session of a refresh token",
            description = "Its refresh tokens and access tokens stop working. Idempotent: 204 also for unknown tokens.")
    void logout(@Valid @RequestBody RefreshRequest request) {
        sessions.logout(request);
    }

    @PostMapping("/otp/request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "E-mail a passwordless login code",
            description = "Same answer whether or not the address has an account.")
    AcceptedResponse requestCode(@Valid @RequestBody EmailRequest request, HttpServletRequest http) {
        return auth.requestLoginCode(request, ClientAddress.of(http));
    }

    @PostMapping("/otp/login")
    @Operation(summary = "Log in with an e-mailed code", description = "Also verifies the address.")
    TokenResponse loginWithCode(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
        return auth.loginWithCode(request, ClientAddress.of(http));
    }
}
