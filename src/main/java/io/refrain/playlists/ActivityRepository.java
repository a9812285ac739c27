package io.refrain.playlists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The activity feed of playlists and the votes on their entries. */
@Repository
class ActivityRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            UUID owner,
            UUID playlist,
            UUID actor,
            String action,
            long version,
            Map<String, Object> detail,
            Instant at) {
        jdbc.sql("""
                        insert into playlist_activity (user_id, playlist_id, actor_id, action, version, detail, at)
                        values (:owner, :pl, :actor, :action, :version, :detail::jsonb, :at)""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("actor", actor)
                .param("action", action)
                .param("version", version)
                .param("detail", JSON.writeValueAsString(detail))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The feed, newest first, after activity id {@code before}; empty unless {@code reader} may read the playlist now. */
    List<ActivityView> feed(UUID owner, UUID playlist, UUID reader, long before, int limit) {
        return jdbc.sql("""
                        select id, actor_id, action, version, detail::text as detail, at from playlist_activity
                        where user_id = :owner and playlist_id = :pl and id < :before and %s
                        order by id desc limit :limit""".formatted(PlaylistReadRule.readable(":pl", ":reader")))
                .param("owner", owner)
                .param("pl", playlist)
                .param("reader", reader)
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new ActivityView(
                        rs.getLong("id"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("action"),
                        rs.getLong("version"),
                        JSON.readTree(rs.getString("detail")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Sets the user's vote on an entry of the playlist; false when there is no such entry. */
    boolean vote(UUID user, UUID owner, UUID playlist, long entryId, int vote, Instant at) {
        return jdbc.sql("""
                        insert into playlist_votes (user_id, entry_id, playlist_id, vote, voted_at)
                        select :user, e.id, e.playlist_id, :vote, :at from playlist_entries e
                        where e.user_id = :owner and e.playlist_id = :pl and e.id = :entry
                        on conflict (user_id, entry_id) do update set vote = excluded.vote, voted_at = excluded.voted_at""")
                        .param("user", user)
                        .param("owner", owner)
                        .param("pl", playlist)
                        .param("entry", entryId)
                        .param("vote", vote)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    void unvote(UUID user, UUID playlist, long entryId) {
        jdbc.sql("delete from playlist_votes where user_id = :user and entry_id = :entry and playlist_id = :pl")
                .param("user", user)
                .param("entry", entryId)
                .param("pl", playlist)
                .update();
    }

    boolean hasEntry(UUID owner, UUID playlist, long entryId) {
        return jdbc.sql(
                        "select exists (select 1 from playlist_entries where user_id = :owner and playlist_id = :pl and id = :entry)")
                .param("owner", owner)
                .param("pl", playlist)
                .param("entry", entryId)
                .query(Boolean.class)
                .single();
    }

    int score(UUID playlist, long entryId) {
        return jdbc.sql(
                        "select coalesce(sum(vote), 0)::int from playlist_votes where playlist_id = :pl and entry_id = :entry")
                .param("pl", playlist)
                .param("entry", entryId)
                .query(Integer.class)
                .single();
    }
}
