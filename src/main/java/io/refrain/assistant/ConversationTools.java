package io.refrain.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The taste conversation as tools: start, answer, and where it stands. */
@Component
class ConversationTools {

    private static final String VIEW_SCHEMA = """
            {"type": "object", "required": ["conversationId", "confidence", "completed"], "properties": {
              "conversationId": {"type": "string"}, "confidence": {"type": "integer"}, "completed": {"type": "boolean"},
              "question": {"type": ["object", "null"], "properties": {"id": {"type": "string"}, "topic": {"type": "string"},
                "text": {"type": "string"}, "options": {"type": "array"}, "multiple": {"type": "boolean"}}},
              "profileCode": {"type": ["string", "null"]}, "partialProfile": {"type": "object"},
              "notes": {"type": "array"}, "expiresAt": {"type": "string"}, "profile": {"type": ["object", "null"]}}}""";

    private final TasteConversations conversations;

    ConversationTools(TasteConversations conversations) {
        this.conversations = conversations;
    }

    List<AssistantTool> tools() {
        return List.of(
                new AssistantTool(
                        "taste_conversation_start",
                        "Start a taste conversation",
                        """
                        Starts a conversation in which Refrain learns the user's taste: it answers the first question (with \
                        options to pick from). Ask the user, then send their answer with taste_conversation_answer; repeat \
                        until `completed`, when `profileCode` is a 37-character profile code for recommend_tracks and \
                        build_playlist. A listening history counts towards the confidence (0–100), so fewer questions are \
                        needed. An idle conversation expires after 30 minutes.""",
                        AssistantTool.Kind.CONVERSATION,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "properties": {}}""",
                        VIEW_SCHEMA,
                        (caller, args) -> render(conversations.start(caller))),
                new AssistantTool(
                        "taste_conversation_answer",
                        "Answer the taste question",
                        """
                        Answers a question of a taste conversation: `optionIds` picks from the question's options (several \
                        for a `multiple` question); free text the user said goes in `text`, and what you understood from it \
                        in `values` ({"energy": 0.8, "tempo": 128, "valence": 0.3, "noveltyTolerance": 0.5}: 0–1 except tempo \
                        in BPM, loudness in dB and the MUSIC dimensions 0–35). `note` keeps anything else worth remembering. \
                        Answers the next question, or the profile code once confident enough.""",
                        AssistantTool.Kind.CONVERSATION,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "required": ["conversationId", "questionId"], "properties": {
                          "conversationId": {"type": "string", "format": "uuid"},
                          "questionId": {"type": "string", "maxLength": 40},
                          "optionIds": {"type": "array", "maxItems": 12, "items": {"type": "string", "maxLength": 100}},
                          "text": {"type": "string", "maxLength": 2000},
                          "values": {"type": "object", "additionalProperties": {"type": "number"}},
                          "note": {"type": "string", "maxLength": 500}}}""",
                        VIEW_SCHEMA,
                        this::answer),
                new AssistantTool(
                        "taste_conversation_state",
                        "Where the taste conversation stands",
                        """
                        The conversation `conversationId` (default: the user's latest): its open question, confidence, the \
                        partial profile so far (values per dimension, genres), notes, and the profile code once complete.""",
                        AssistantTool.Kind.CONVERSATION,
                        false,
                        false,
                        """
                        {"type": "object", "additionalProperties": false, "properties": {
                          "conversationId": {"type": "string", "format": "uuid"}}}""",
                        VIEW_SCHEMA,
                        (caller, args) -> render(conversations.state(caller, optionalId(args)))));
    }

    private AssistantTool.Result answer(McpCaller caller, Arguments args) {
        UUID id = optionalId(args);
        if (id == null) {
            throw ToolFailure.argument("conversationId", "is required: the id taste_conversation_start answered.");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (var v : args.object("values").entrySet()) {
            if (!(v.getValue() instanceof Number n)) {
                throw ToolFailure.argument("values", "." + v.getKey() + " must be a number.");
            }
            values.put(v.getKey(), n.doubleValue());
        }
        return render(conversations.answer(
                caller,
                id,
                args.string("questionId", 40),
                args.strings("optionIds", 12, 100),
                args.optionalString("text", 2000),
                values,
                args.optionalString("note", 500)));
    }

    private static UUID optionalId(Arguments args) {
        String value = args.optionalString("conversationId", 36);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ToolFailure.argument("conversationId", "must be the id (a UUID) taste_conversation_start answered.");
        }
    }

    private static AssistantTool.Result render(TasteConversations.View v) {
        StringBuilder text =
                new StringBuilder("Conversation " + v.conversationId() + ", confidence " + v.confidence() + "/100.\n");
        if (v.completed()) {
            text.append("Complete. Profile code: ").append(v.profileCode()).append('\n');
            if (v.profile() != null) {
                v.profile()
                        .summary()
                        .forEach(line -> text.append("- ").append(line).append('\n'));
            }
        } else if (v.question() != null) {
            text.append("Next question (")
                    .append(v.question().id())
                    .append("): ")
                    .append(v.question().text())
                    .append('\n');
            v.question().options().forEach(o -> text.append("- ")
                    .append(o.id())
                    .append(": ")
                    .append(o.label())
                    .append('\n'));
        }
        return AssistantTool.Result.of(v, text.toString());
    }
}
