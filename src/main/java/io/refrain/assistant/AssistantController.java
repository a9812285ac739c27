package io.refrain.assistant;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/assistant", produces = "application/json")
@Tag(
        name = "assistant",
        description = "What AI assistants did for you through the MCP endpoint (/mcp), and the OAuth clients you "
                + "authorized. Revoke a pasted token at DELETE /api/v1/me/tokens/{id}, an OAuth client here: either "
                + "is refused at its next call.")
class AssistantController {

    private final AssistantActivity activity;
    private final OAuthGrants grants;

    AssistantController(AssistantActivity activity, OAuthGrants grants) {
        this.activity = activity;
        this.grants = grants;
    }

    record Clients(List<OAuthGrantsRepository.Grant> items) {}

    @GetMapping("/clients")
    @Operation(summary = "The assistants you authorized through OAuth", description = """
            MCP clients that ran the OAuth flow with your account: client id and name, the scopes you granted, \
            when a token was last issued. Pasted tokens are under /api/v1/me/tokens.""")
    Clients clients(@Parameter(hidden = true) AuthenticatedUser user) {
        return new Clients(grants.list(user.id()));
    }

    @DeleteMapping("/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Take an OAuth client's access back",
            description = "Its tokens are refused at once and it must ask for your consent again. 404 for a client "
                    + "you have not authorized.")
    void revoke(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String clientId) {
        grants.revoke(user.id(), clientId);
    }

    @GetMapping("/activity")
    @Operation(summary = "Your assistants' tool calls, newest first", description = """
            Every MCP tool call made with one of your tokens: the client (`token:<id>` and the token's name), the \
            tool, a summary of its arguments, the outcome (`ok`, `error`, `limited` by the hourly limits, or \
            `replayed`: a retry answered from the first call's result), its message and duration. Kept for \
            `refrain.assistant.audit-retention` (90 days). limit 1–100 (default 50).""")
    Page<AuditRepository.Call> activity(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return activity.page(user.id(), Limits.pageSize(limit, 50, 100), cursor);
    }
}
