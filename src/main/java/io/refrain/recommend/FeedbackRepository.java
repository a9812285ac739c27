package io.refrain.recommend;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback rows ({@code track_feedback}, {@code artist_feedback}) and the user's {@code feedback_versions}. */
@Repository
class FeedbackRepository {

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the feedback on an existing track or artist; false when there is no such one. Giving the
     * same score again keeps its first time.
     */
    boolean put(UUID user, Feedback.Target target, long id, int score, Instant at) {
        return jdbc.sql("""
                        insert into %1$s as f (user_id, %2$s, score, created_at)
                        select :user, id, :score, :at from %3$s where id = :id
                        on conflict (user_id, %2$s) do update set score = excluded.score, created_at = excluded.created_at
                        where f.score <> excluded.score""".formatted(target.table, target.column, target.catalogView))
                        .param("user", user)
                        .param("id", id)
                        .param("score", score)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    boolean exists(Feedback.Target target, long id) {
        return jdbc.sql("select exists (select 1 from %s where id = :id)".formatted(target.catalogView))
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    boolean remove(UUID user, Feedback.Target target, long id) {
        return jdbc.sql("delete from %s where user_id = :user and %s = :id".formatted(target.table, target.column))
                        .param("user", user)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** A page of the user's feedback on one kind of target, newest first, after (at, id); score 0 for both. */
    List<Feedback> page(UUID user, Feedback.Target target, int score, Instant beforeAt, long beforeId, int limit) {
        return jdbc.sql("""
                        select %2$s, score, created_at from %1$s
                        where user_id = :user and (:score = 0 or score = :score)
                          and (created_at, %2$s) < (:at, :id)
                        order by created_at desc, %2$s desc limit :limit""".formatted(target.table, target.column))
                .param("user", user)
                .param("score", score)
                .param("at", Timestamp.from(beforeAt))
                .param("id", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new Feedback(
                        target.name,
                        rs.getLong(1),
                        Feedback.word(rs.getInt(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    java.util.Optional<Feedback> find(UUID user, Feedback.Target target, long id) {
        return jdbc.sql("select score, created_at from %s where user_id = :user and %s = :id"
                        .formatted(target.table, target.column))
                .param("user", user)
                .param("id", id)
                .query((rs, n) -> new Feedback(
                        target.name,
                        id,
                        Feedback.word(rs.getInt(1)),
                        rs.getTimestamp(2).toInstant()))
                .optional();
    }

    void bump(UUID user) {
        jdbc.sql("""
                        insert into feedback_versions as v (user_id, version) values (:user, 1)
                        on conflict (user_id) do update set version = v.version + 1""").param("user", user).update();
    }

    /** Of these tracks, those some user gave feedback on (the catalog's stale-entry cleanup keeps them). */
    List<Long> tracksWithFeedback(List<Long> trackIds) {
        return jdbc.sql("select distinct track_id from track_feedback where track_id = any(:ids)")
                .param("ids", trackIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }
}
