package io.refrain.assistant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import io.refrain.platform.errors.Overload;
import io.refrain.platform.ratelimit.RateLimiter;
import io.refrain.timers.Role;
import io.refrain.timers.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every tool call the same way: the caller's hourly limit for the tool's kind, the call
 * itself (for a write tool, once per request id), the audit row and the metrics, and the
 * translation of every failure into a result the model can act on. Nothing a tool throws reaches
 * the transport: a bad argument is {@code isError} with what to change; a bug is {@code isError}
 * with a reference to the server's log, never a stack trace.
 */
@Component
class ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final RateLimiter limiter;
    private final Map<AssistantTool.Kind, RateLimiter.Rule> rules = new EnumMap<>(AssistantTool.Kind.class);
    private final RateLimiter.Rule supporterGenerate;
    private final Roles roles;
    private final AuditRepository audit;
    private final RequestRepository requests;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    ToolRunner(
            RateLimiter limiter,
            AssistantProperties settings,
            AuditRepository audit,
            RequestRepository requests,
            TransactionTemplate transaction,
            JsonMapper json,
            MeterRegistry meters,
            Roles roles,
            Clock clock) {
        this.limiter = limiter;
        AssistantProperties.Limits limits = settings.limits();
        rules.put(AssistantTool.Kind.QUERY, hourly("assistant-query", limits.queryPerHour()));
        rules.put(AssistantTool.Kind.GENERATE, hourly("assistant-generate", limits.generatePerHour()));
        rules.put(AssistantTool.Kind.CONVERSATION, hourly("assistant-conversation", limits.conversationPerHour()));
        this.supporterGenerate = hourly("assistant-generate-supporter", limits.supporterGeneratePerHour());
        this.roles = roles;
        this.audit = audit;
        this.requests = requests;
        this.transaction = transaction;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** The limit this call counts against: supporters have their own, larger generate budget. */
    private RateLimiter.Rule rule(AssistantTool tool, McpCaller caller) {
        if (tool.kind() == AssistantTool.Kind.GENERATE && roles.holds(caller.userId(), Role.SUPPORTER)) {
            return supporterGenerate;
        }
        return rules.get(tool.kind());
    }

    private static RateLimiter.Rule hourly(String name, int capacity) {
        return new RateLimiter.Rule(name, capacity, Duration.ofHours(1));
    }

    SyncToolSpecification specification(AssistantTool tool, McpJsonMapper mcpJson) {
        McpSchema.Tool definition = McpSchema.Tool.builder(tool.name(), mcpJson, tool.inputSchema())
                .title(tool.title())
                .description(tool.description())
                .outputSchema(mcpJson, tool.outputSchema())
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(tool.title())
                        .readOnlyHint(!tool.write())
                        .destructiveHint(tool.destructive())
                        // reads are idempotent; writes are too, by their required requestId
                        .idempotentHint(true)
                        .openWorldHint(false)
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(definition)
                .callHandler((context, request) -> run(tool, (McpCaller) context.get(McpCaller.KEY), request))
                .build();
    }

    McpSchema.CallToolResult run(AssistantTool tool, McpCaller caller, McpSchema.CallToolRequest request) {
        long started = System.nanoTime();
        Instant at = clock.instant();
        Arguments arguments = new Arguments(request.arguments());
        String outcome = "ok";
        String message = null;
        McpSchema.CallToolResult result;
        try {
            RateLimiter.Decision decision =
                    limiter.attempt(rule(tool, caller), caller.userId().toString());
            if (!decision.allowed()) {
                throw ToolFailure.limited("You have used all " + decision.limit() + " "
                        + tool.kind().name().toLowerCase(Locale.ROOT)
                        + " calls of this hour; retry in " + Math.max(1, decision.retryAfterSeconds())
                        + " seconds.");
            }
            Outcome done =
                    tool.write() ? once(tool, caller, arguments) : new Outcome(call(tool, caller, arguments), false);
            if (done.replayed()) {
                outcome = "replayed";
            }
            result = done.result();
        } catch (ToolFailure e) {
            outcome = e.limited() ? "limited" : "error";
            message = e.getMessage();
            result = error(message);
        } catch (ApiException e) {
            outcome = "error";
            message = describe(e);
            result = error(message);
        } catch (RuntimeException e) {
            outcome = "error";
            if (Overload.isDatabaseBusy(e)) {
                message = "Refrain is busy right now; retry this call in a few seconds.";
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("MCP tool {} failed (reference {})", tool.name(), reference, e);
                message = "Refrain failed on this call (reference " + reference
                        + "). This is a bug on the server, not a problem with the arguments.";
            }
            result = error(message);
        }
        long nanos = System.nanoTime() - started;
        int ms = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos));
        try {
            audit.record(caller, tool.name(), arguments.summary(), outcome, message, ms, at);
        } catch (RuntimeException e) {
            // the call itself is done (and may have written): losing its audit row must not turn it into a failure
            log.warn("Could not audit MCP tool call {} of {}", tool.name(), caller.userId(), e);
        }
        Timer.builder("refrain.assistant.tool.calls")
                .description("MCP tool calls by tool and outcome")
                .tag("tool", tool.name())
                .tag("outcome", outcome)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        return result;
    }

    private record Outcome(McpSchema.CallToolResult result, boolean replayed) {}

    /** A write tool: its work and the stored result in one transaction, keyed by the request id. */
    private Outcome once(AssistantTool tool, McpCaller caller, Arguments arguments) {
        String requestId = arguments.string("requestId", 100);
        return transaction.execute(status -> {
            if (!requests.claim(caller, tool.name(), requestId, clock.instant())) {
                String stored = requests.result(caller, tool.name(), requestId).orElseThrow();
                Map<String, Object> replay = json.readValue(stored, MAP);
                return new Outcome(
                        render(AssistantTool.Result.of(replay.get("structured"), (String) replay.get("text"))), true);
            }
            AssistantTool.Result result = tool.handler().call(caller, arguments);
            Object structured = json.convertValue(result.structured(), Object.class);
            requests.store(
                    caller,
                    tool.name(),
                    requestId,
                    json.writeValueAsString(Map.of("structured", structured, "text", result.text())));
            return new Outcome(render(new AssistantTool.Result(structured, result.text(), result.links())), false);
        });
    }

    private McpSchema.CallToolResult call(AssistantTool tool, McpCaller caller, Arguments arguments) {
        return render(tool.handler().call(caller, arguments));
    }

    private McpSchema.CallToolResult render(AssistantTool.Result result) {
        List<McpSchema.Content> content = new ArrayList<>();
        content.add(McpSchema.TextContent.builder(result.text()).build());
        for (AssistantTool.Link link : result.links()) {
            content.add(McpSchema.ResourceLink.builder()
                    .uri(link.uri())
                    .name(link.name())
                    .description(link.description())
                    .mimeType("application/json")
                    .build());
        }
        return McpSchema.CallToolResult.builder()
                .content(content)
                .structuredContent(json.convertValue(result.structured(), Object.class))
                .isError(false)
                .build();
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .addTextContent(message)
                .isError(true)
                .build();
    }

    /** An API error in words: its detail and each field's problem, as the REST API would report them. */
    private static String describe(ApiException e) {
        StringBuilder s = new StringBuilder(e.getMessage());
        if (e.properties().get("errors") instanceof List<?> problems) {
            for (Object p : problems) {
                if (p instanceof FieldProblem f) {
                    s.append(" ")
                            .append(f.field())
                            .append(": ")
                            .append(f.message())
                            .append('.');
                }
            }
        }
        return s.toString();
    }
}
