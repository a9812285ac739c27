package io.refrain.assistant;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/assistant", produces = "application/json")
@Tag(
        name = "assistant",
        description = "What AI assistants did for you through the MCP endpoint (/mcp). Revoke an assistant's access "
                + "by revoking its token (DELETE /api/v1/me/tokens/{id}): it is refused at its next call.")
class AssistantController {

    private final AssistantActivity activity;

    AssistantController(AssistantActivity activity) {
        this.activity = activity;
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
