package io.refrain.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The taste conversation through /mcp: the protocol version spoken, answers checked against the
 * question asked, structured values folded in, a conversation completed to a profile code that
 * stays, and an idle one that expires and is removed by the cleanup job.
 */
class TasteConversationIT extends McpTestSupport {

    @Autowired
    AssistantCleanupJob cleanup;

    @Test
    void itSpeaksTheProtocolRevision2025_11_25() {
        String token = token(newAccount(), "mcp:read");
        JsonNode init = rpc(token, "initialize", """
                        {"protocolVersion": "2025-11-25", "capabilities": {},
                         "clientInfo": {"name": "test", "version": "1"}}""").assertStatus(200).json().path("result");
        assertThat(init.path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(init.path("serverInfo").path("name").asString()).isEqualTo("refrain");
        assertThat(init.path("instructions").asString()).contains("taste conversation");
    }

    @Test
    void answersAreCheckedFoldedInAndACompletedConversationKeepsItsCode() {
        String token = token(newAccount(), "mcp:read");
        JsonNode start = call(token, "taste_conversation_start", "{}").path("structuredContent");
        String id = start.path("conversationId").asString();
        assertThat(start.path("question").path("id").asString()).isEqualTo("energy");
        assertThat(start.path("confidence").asInt()).isZero();

        JsonNode wrong = call(
                token,
                "taste_conversation_answer",
                "{\"conversationId\": \"" + id + "\", \"questionId\": \"energy\", \"optionIds\": [\"loud-ish\"]}");
        assertThat(wrong.path("isError").asBoolean()).isTrue();
        assertThat(wrong.path("content").get(0).path("text").asString())
                .contains("optionIds")
                .contains("calm");
        JsonNode outOfRange = call(
                token,
                "taste_conversation_answer",
                "{\"conversationId\": \"" + id + "\", \"questionId\": \"energy\", \"values\": {\"energy\": 3}}");
        assertThat(outOfRange.path("isError").asBoolean()).isTrue();

        JsonNode answered =
                call(token, "taste_conversation_answer", """
                        {"conversationId": "%s", "questionId": "energy", "text": "something to run to",
                         "values": {"energy": 0.85, "tempo": 160}, "note": "runs in the morning"}""".formatted(id)).path("structuredContent");
        assertThat(answered.path("confidence").asInt()).isEqualTo(14);
        assertThat(answered.path("question").path("id").asString()).isEqualTo("mood");
        assertThat(answered.path("partialProfile").path("means").path("energy").asDouble())
                .isEqualTo(0.85);
        assertThat(answered.path("notes").get(0).asString()).isEqualTo("runs in the morning");

        JsonNode state = answered;
        for (int i = 0; i < 12 && !state.path("completed").asBoolean(); i++) {
            JsonNode question = state.path("question");
            String option = question.path("options").isEmpty()
                    ? ""
                    : ", \"optionIds\": [\""
                            + question.path("options").get(0).path("id").asString() + "\"]";
            String text = question.path("options").isEmpty() ? ", \"text\": \"anything goes\"" : "";
            state = call(
                            token,
                            "taste_conversation_answer",
                            "{\"conversationId\": \"" + id + "\", \"questionId\": \""
                                    + question.path("id").asString() + "\"" + option + text + "}")
                    .path("structuredContent");
        }
        assertThat(state.path("completed").asBoolean()).isTrue();
        assertThat(state.path("confidence").asInt()).isGreaterThanOrEqualTo(70);
        String code = state.path("profileCode").asString();
        assertThat(code).hasSize(37);
        assertThat(state.path("profile").path("code").asString()).isEqualTo(code);

        JsonNode again = call(
                token,
                "taste_conversation_answer",
                "{\"conversationId\": \"" + id + "\", \"questionId\": \"mood\", \"optionIds\": [\"bright\"]}");
        assertThat(again.path("isError").asBoolean()).isTrue();
        assertThat(again.path("content").get(0).path("text").asString()).contains(code);

        clock.advance(Duration.ofDays(2));
        cleanup.run();
        JsonNode kept = call(token, "taste_conversation_state", "{\"conversationId\": \"" + id + "\"}");
        assertThat(kept.path("structuredContent").path("profileCode").asString())
                .isEqualTo(code);
    }

    @Test
    void anIdleConversationExpiresAndTheHourlyJobRemovesIt() {
        String token = token(newAccount(), "mcp:read");
        String id = call(token, "taste_conversation_start", "{}")
                .path("structuredContent")
                .path("conversationId")
                .asString();
        clock.advance(Duration.ofMinutes(31));
        JsonNode late = call(
                token,
                "taste_conversation_answer",
                "{\"conversationId\": \"" + id + "\", \"questionId\": \"energy\", \"optionIds\": [\"calm\"]}");
        assertThat(late.path("isError").asBoolean()).isTrue();
        assertThat(late.path("content").get(0).path("text").asString()).contains("expired");

        assertThat(jdbc.sql("select count(*) from assistant_conversations where id = cast(:id as uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        cleanup.run();
        assertThat(jdbc.sql("select count(*) from assistant_conversations where id = cast(:id as uuid)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        JsonNode gone = call(token, "taste_conversation_state", "{\"conversationId\": \"" + id + "\"}");
        assertThat(gone.path("isError").asBoolean()).isTrue();
    }
}
