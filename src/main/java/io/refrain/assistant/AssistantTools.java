package io.refrain.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * All tools the MCP endpoint offers, in one list. Kept to at most 15: every tool's description
 * costs each client context on every conversation, so a tool has to earn its place.
 */
@Component
class AssistantTools {

    static final int MAX_TOOLS = 15;

    private final List<AssistantTool> tools;

    AssistantTools(
            CatalogTools catalog,
            ListeningTools listening,
            RecommendationTools recommendations,
            ConversationTools conversation,
            PlaylistTools playlists) {
        List<AssistantTool> all = new ArrayList<>();
        all.addAll(catalog.tools());
        all.addAll(listening.tools());
        all.addAll(recommendations.tools());
        all.addAll(conversation.tools());
        all.addAll(playlists.tools());
        if (all.size() > MAX_TOOLS) {
            throw new IllegalStateException(all.size() + " MCP tools; at most " + MAX_TOOLS);
        }
        this.tools = List.copyOf(all);
    }

    List<AssistantTool> all() {
        return tools;
    }

    /** The tools a read-only token may not call. */
    Set<String> writeTools() {
        return tools.stream()
                .filter(AssistantTool::write)
                .map(AssistantTool::name)
                .collect(Collectors.toSet());
    }
}
