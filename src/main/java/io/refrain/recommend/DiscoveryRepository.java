package io.refrain.recommend;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Discovery sessions ({@code discovery_sessions}, {@code discovery_session_tracks}). What the user
 * did with a session's tracks is not copied anywhere: it is read, when asked, from their listens,
 * library and feedback after the session's time, so it is always current and never disagrees with
 * the history it comes from.
 */
@Repository
class DiscoveryRepository {

    /** A session's tracks with what became of each; a track counts as accepted when played to the end, saved or loved. */
    private static final String OUTCOMES = """
            select dt.session_id, dt.position, dt.track_id, dt.reasons::text as reasons,
                   exists (select 1 from history_listens l where l.user_id = d.user_id and l.track_id = dt.track_id
                           and l.listened_at > d.created_at and l.listened_at > :since and not l.skipped) as played_to_end,
                   exists (select 1 from history_listens l where l.user_id = d.user_id and l.track_id = dt.track_id
                           and l.listened_at > d.created_at and l.listened_at > :since and l.skipped) as skipped,
                   exists (select 1 from library_saved_tracks s where s.user_id = d.user_id and s.track_id = dt.track_id
                           and s.saved_at > d.created_at) as saved,
                   exists (select 1 from library_loved_tracks v where v.user_id = d.user_id and v.track_id = dt.track_id
                           and v.loved_at > d.created_at) as loved,
                   exists (select 1 from track_feedback f where f.user_id = d.user_id and f.track_id = dt.track_id
                           and f.score < 0 and f.created_at > d.created_at) as thumbs_down
            from discovery_sessions d
            join discovery_session_tracks dt on dt.session_id = d.id""";

    record SessionRow(UUID id, Instant createdAt, String request, int trackCount) {}

    record TrackRow(
            UUID sessionId,
            int position,
            long trackId,
            String reasons,
            boolean playedToEnd,
            boolean skipped,
            boolean saved,
            boolean loved,
            boolean thumbsDown) {

        boolean accepted() {
            return playedToEnd || saved || loved;
        }
    }

    private final JdbcClient jdbc;

    DiscoveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement for the session, one for all its tracks (a multi-row insert from arrays). */
    void insert(UUID id, UUID user, Instant at, String request, List<Long> trackIds, List<String> reasons) {
        jdbc.sql("""
                        insert into discovery_sessions (id, user_id, created_at, request, track_count)
                        values (:id, :user, :at, cast(:request as jsonb), :count)""")
                .param("id", id)
                .param("user", user)
                .param("at", Timestamp.from(at))
                .param("request", request)
                .param("count", trackIds.size())
                .update();
        if (trackIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into discovery_session_tracks (session_id, position, track_id, reasons)
                        select :id, (n - 1)::smallint, t, cast(r as jsonb)
                        from unnest(:tracks, :reasons) with ordinality as x (t, r, n)""")
                .param("id", id)
                .param("tracks", trackIds.toArray(Long[]::new))
                .param("reasons", reasons.toArray(String[]::new))
                .update();
    }

    /** The user's sessions, newest first, after the given key. */
    List<SessionRow> page(UUID user, Instant beforeAt, UUID beforeId, int limit) {
        return jdbc.sql("""
                        select id, created_at, request::text, track_count from discovery_sessions
                        where user_id = :user and (created_at, id) < (:at, :id)
                        order by created_at desc, id desc
                        limit :limit""")
                .param("user", user)
                .param("at", Timestamp.from(beforeAt))
                .param("id", beforeId)
                .param("limit", limit)
                .query(SessionRow.class)
                .list();
    }

    /** A session of this user; empty for another user's, so that it is a 404 alike. */
    Optional<SessionRow> find(UUID user, UUID id) {
        return jdbc.sql(
                        "select id, created_at, request::text, track_count from discovery_sessions where id = :id and user_id = :user")
                .param("id", id)
                .param("user", user)
                .query(SessionRow.class)
                .optional();
    }

    /**
     * The tracks of the given sessions of this user with their outcomes, in session and position
     * order; {@code since} is the oldest of the sessions' times, so that only the listens partitions
     * from then on are read.
     */
    List<TrackRow> tracks(UUID user, List<UUID> sessions, Instant since) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OUTCOMES + """

                        where d.user_id = :user and d.id = any(:sessions)
                        order by dt.session_id, dt.position""")
                .param("user", user)
                .param("sessions", sessions.toArray(UUID[]::new))
                .param("since", Timestamp.from(since))
                .query(TrackRow.class)
                .list();
    }

    /** Deletes the user's sessions older than the given time; returns how many went. */
    int deleteBefore(Instant before) {
        return jdbc.sql("delete from discovery_sessions where created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
