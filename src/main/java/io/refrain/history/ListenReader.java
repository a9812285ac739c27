package io.refrain.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-user reads of the partitioned listens, newest first. Every query is bounded by the
 * user's own first and last listen (from listen_totals or listen_stats_tracks): PostgreSQL
 * prunes the partitions outside that span when the query starts, so a user whose last listen
 * was years ago reads the one or two partitions that hold it instead of probing every month
 * since (the trap time-chunked storage fell into at ListenBrainz).
 */
@Repository
class ListenReader {

    /** A stored listen without its track view. */
    record Stored(Instant listenedAt, long trackId, Integer msPlayed, boolean skipped, String contextType,
                  String contextId, String client) {
    }

    /** Where a page starts: strictly older than (listenedAt, trackId); null = from the newest. */
    record Position(Instant listenedAt, long trackId) {
    }

    private final JdbcClient jdbc;

    ListenReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> recent(UUID userId, Position before, Instant after, int limit) {
        return page(userId, null, before, after, limit);
    }

    List<Stored> ofTrack(UUID userId, long trackId, Position before, int limit) {
        return page(userId, trackId, before, null, limit);
    }

    private List<Stored> page(UUID userId, Long trackId, Position before, Instant after, int limit) {
        String sql = sql(trackId != null, before != null, after != null);
        var statement = jdbc.sql(sql).param("user", userId).param("limit", limit);
        if (trackId != null) {
            statement = statement.param("track", trackId);
        }
        if (before != null) {
            statement = statement.param("beforeAt", Timestamp.from(before.listenedAt())).param("beforeTrack", before.trackId());
        }
        if (after != null) {
            statement = statement.param("after", Timestamp.from(after));
        }
        return statement.query(ListenReader::stored).list();
    }

    /**
     * The statement of one page, with named parameters :user, :limit and, as flagged, :track,
     * :beforeAt / :beforeTrack and :after. Package-visible so the partition-pruning test
     * explains exactly this text.
     */
    static String sql(boolean ofTrack, boolean before, boolean after) {
        String span = !ofTrack
                ? "(select first_played_at from listen_totals where user_id = :user) and (select last_played_at from listen_totals where user_id = :user)"
                : "(select first_played_at from listen_stats_tracks where user_id = :user and track_id = :track) "
                  + "and (select last_played_at from listen_stats_tracks where user_id = :user and track_id = :track)";
        StringBuilder sql = new StringBuilder("""
                select listened_at, track_id, ms_played, skipped, context_type, context_id, client
                from listens
                where user_id = :user and listened_at between %s""".formatted(span));
        if (ofTrack) {
            sql.append(" and track_id = :track");
        }
        if (before) {
            // the plain bound lets the planner prune partitions; the row comparison is the exact keyset
            sql.append(" and listened_at <= :beforeAt and (listened_at, track_id) < (:beforeAt, :beforeTrack)");
        }
        if (after) {
            sql.append(" and listened_at > :after");
        }
        return sql.append(" order by listened_at desc, track_id desc limit :limit").toString();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), (Integer) rs.getObject(3),
                rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
