package io.refrain.accounts;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/tokens", produces = "application/json")
@Tag(
        name = "api tokens",
        description = "Tokens for scrobblers (the ListenBrainz-compatible API, /1/…) and AI assistants (/mcp).")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API token", description = """
            Answers the token once: only a hash is kept, so it cannot be shown again. With the default scope \
            `listenbrainz`, give it to a ListenBrainz client as its user token (sent as `Authorization: Token \
            <token>`); with `mcp:read` (and `mcp:write`), paste it into an AI assistant's MCP client configuration \
            (sent as `Authorization: Bearer <token>` to /mcp). At most 20 tokens per user (409 `conflict` beyond); \
            name 1–100 characters; 400 for an unknown scope or a mix of listenbrainz and mcp scopes.""")
    CreatedApiToken create(
            @Parameter(hidden = true) AuthenticatedUser user, @Valid @RequestBody CreateApiTokenRequest request) {
        return tokens.create(user.id(), request.name(), request.scopes());
    }

    @GetMapping
    @Operation(
            summary = "Your API tokens, newest first",
            description = "Name, first characters, creation and last use; never the token.")
    List<ApiTokenView> list(@Parameter(hidden = true) AuthenticatedUser user) {
        return tokens.list(user.id());
    }

    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Revoke an API token",
            description = "It stops working at once. 404 for a token that is not yours.")
    void revoke(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID tokenId) {
        tokens.revoke(user.id(), tokenId);
    }
}
