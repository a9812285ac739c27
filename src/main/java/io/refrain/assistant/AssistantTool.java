package io.refrain.assistant;

import java.util.List;

/**
 * One MCP tool: what a model sees (name, description, schemas, hints) and what it does.
 *
 * @param kind        which per-user hourly limit the tool counts against
 * @param write       changes the user's data: needs {@code mcp:write}, and a {@code requestId} that
 *                    makes a retried call answer what the first one did
 * @param destructive removes something the user had
 */
record AssistantTool(
        String name,
        String title,
        String description,
        Kind kind,
        boolean write,
        boolean destructive,
        String inputSchema,
        String outputSchema,
        Handler handler) {

    enum Kind {
        QUERY,
        GENERATE,
        CONVERSATION
    }

    @FunctionalInterface
    interface Handler {
        Result call(McpCaller caller, Arguments arguments);
    }

    /**
     * What a call answers: the structured content (matching the output schema), its rendering as
     * text for clients that show only text, and links to resources it names.
     */
    record Result(Object structured, String text, List<Link> links) {

        static Result of(Object structured, String text) {
            return new Result(structured, text, List.of());
        }
    }

    /** A {@code resource_link} content item. */
    record Link(String uri, String name, String description) {}
}
