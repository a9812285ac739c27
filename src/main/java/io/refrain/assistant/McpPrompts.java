package io.refrain.assistant;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Prompts a client may offer its user: curate a playlist, describe my taste, what to listen to now. */
@Component
class McpPrompts {

    List<SyncPromptSpecification> prompts() {
        return List.of(
                prompt(
                        "curate_playlist",
                        "Curate a playlist for an occasion",
                        List.of(McpSchema.PromptArgument.builder("occasion")
                                .description("what it is for, e.g. \"45 minutes for a run\"")
                                .required(true)
                                .build()),
                        args -> "Curate a Refrain playlist for: " + args.getOrDefault("occasion", "any time") + ". "
                                + "If you do not know my taste yet, run the taste conversation (taste_conversation_start, "
                                + "then taste_conversation_answer with my answers) to get a profile code. Then use "
                                + "build_playlist with that code, the fitting occasion and length, and a new requestId; "
                                + "tell me what you made and why the tracks fit."),
                prompt(
                        "describe_my_taste",
                        "Describe my taste",
                        List.of(),
                        args -> "Describe my music taste in a few sentences: read my listener profile (resource "
                                + McpResources.PROFILE
                                + ") and my top artists and genres (get_listening_stats), and say "
                                + "what stands out and what I might like next."),
                prompt(
                        "what_to_listen_now",
                        "What should I listen to now?",
                        List.of(),
                        args -> "Suggest what I should listen to right now: look at what I played recently "
                                + "(get_listening_stats recently_played), then use recommend_tracks with profile \"me\" "
                                + "and unplayedOnly, and give me five tracks with one line each on why."));
    }

    private static SyncPromptSpecification prompt(
            String name,
            String description,
            List<McpSchema.PromptArgument> arguments,
            Function<Map<String, Object>, String> text) {
        return new SyncPromptSpecification(
                McpSchema.Prompt.builder(name)
                        .description(description)
                        .arguments(arguments)
                        .build(),
                (context, request) -> {
                    String prompt = text.apply(request.arguments() == null ? Map.of() : request.arguments());
                    McpSchema.PromptMessage message = McpSchema.PromptMessage.builder(
                                    McpSchema.Role.USER,
                                    McpSchema.TextContent.builder(prompt).build())
                            .build();
                    return McpSchema.GetPromptResult.builder(List.of(message))
                            .description(description)
                            .build();
                });
    }
}
