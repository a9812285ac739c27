package io.refrain.assistant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Taste conversations ({@code assistant_conversations}), always read and written for one user. */
@Repository
class ConversationRepository {

    /** The partial profile: sought values per dimension (own units), picked genres, novelty, answered questions. */
    record Sketch(Map<String, Double> means, List<String> genres, Double noveltyTolerance, List<String> answered) {}

    /** A question as it was asked, with the options offered then. */
    record Asked(String id, String topic, String text, List<Offered> options, boolean multiple) {}

    record Offered(String id, String label) {}

    record Answer(String questionId, List<String> optionIds, String text, Map<String, Double> values, Instant at) {}

    record Conversation(
            UUID id,
            String client,
            Sketch sketch,
            List<Asked> questions,
            List<Answer> answers,
            int confidence,
            List<String> notes,
            String profileCode,
            Instant createdAt,
            Instant lastActivityAt,
            Instant expiresAt,
            Instant completedAt) {}

    private static final TypeReference<List<Asked>> ASKED = new TypeReference<>() {};
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConversationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID user, Conversation c) {
        jdbc.sql("""
                        insert into assistant_conversations
                            (user_id, id, client, sketch, questions, answers, confidence, notes, profile_code,
                             created_at, last_activity_at, expires_at, completed_at)
                        values (:user, :id, :client, cast(:sketch as jsonb), cast(:questions as jsonb),
                                cast(:answers as jsonb), :confidence, cast(:notes as jsonb), :code,
                                :created, :active, :expires, :completed)""")
                .param("user", user)
                .param("id", c.id())
                .param("client", c.client())
                .params(columns(c))
                .param("created", Timestamp.from(c.createdAt()))
                .update();
    }

    void update(UUID user, Conversation c) {
        jdbc.sql("""
                        update assistant_conversations set sketch = cast(:sketch as jsonb),
                            questions = cast(:questions as jsonb), answers = cast(:answers as jsonb),
                            confidence = :confidence, notes = cast(:notes as jsonb), profile_code = :code,
                            last_activity_at = :active, expires_at = :expires, completed_at = :completed
                        where user_id = :user and id = :id""").param("user", user).param("id", c.id()).params(columns(c)).update();
    }

    private Map<String, Object> columns(Conversation c) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("sketch", json.writeValueAsString(c.sketch()));
        columns.put("questions", json.writeValueAsString(c.questions()));
        columns.put("answers", json.writeValueAsString(c.answers()));
        columns.put("confidence", c.confidence());
        columns.put("notes", json.writeValueAsString(c.notes()));
        columns.put("code", c.profileCode());
        columns.put("active", Timestamp.from(c.lastActivityAt()));
        columns.put("expires", Timestamp.from(c.expiresAt()));
        columns.put("completed", c.completedAt() == null ? null : Timestamp.from(c.completedAt()));
        return columns;
    }

    /** The conversation, locked for an answer when {@code forUpdate}. */
    Optional<Conversation> find(UUID user, UUID id, boolean forUpdate) {
        return jdbc.sql("""
                        select id, client, sketch::text, questions::text, answers::text, confidence, notes::text,
                               profile_code, created_at, last_activity_at, expires_at, completed_at
                        from assistant_conversations where user_id = :user and id = :id""" + (forUpdate ? " for update" : ""))
                .param("user", user)
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Conversation> latest(UUID user) {
        return jdbc.sql("""
                        select id, client, sketch::text, questions::text, answers::text, confidence, notes::text,
                               profile_code, created_at, last_activity_at, expires_at, completed_at
                        from assistant_conversations where user_id = :user
                        order by created_at desc limit 1""").param("user", user).query((rs, n) -> row(rs)).optional();
    }

    /** Open conversations past their expiry, in batches through the partial index on expires_at. */
    int deleteExpired(Instant now, int batch) {
        return jdbc.sql("""
                        delete from assistant_conversations where ctid = any(array(
                            select ctid from assistant_conversations
                            where completed_at is null and expires_at < :now limit :batch))""")
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .update();
    }

    private Conversation row(ResultSet rs) throws SQLException {
        return new Conversation(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                json.readValue(rs.getString(3), Sketch.class),
                json.readValue(rs.getString(4), ASKED),
                json.readValue(rs.getString(5), ANSWERS),
                rs.getInt(6),
                json.readValue(rs.getString(7), STRINGS),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
    }
}
