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
 * Per-user reads of the partitioned listens, newest first. No query probes month partitions
 * that cannot hold the user's rows, so a user whose last listen was years ago, or whose
 * history has a gap of years, reads the few partitions that hold a page instead of every
 * month in between (the trap time-chunked storage fell into at ListenBrainz). The
 * SparseUserRecentlyPlayedIT proves it on the plans.
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
        StringBuilder rows = new StringBuilder();
        if (ofTrack) {
            rows.append(" and l.track_id = :track");
        }
        if (before) {
            // the plain bound lets the planner prune partitions; the row comparison is the exact keyset
            rows.append(" and l.listened_at <= :beforeAt and (l.listened_at, l.track_id) < (:beforeAt, :beforeTrack)");
        }
        if (after) {
            rows.append(" and l.listened_at > :after");
        }
        return ofTrack ? trackPage(rows.toString()) : recentPage(rows.toString(), before, after);
    }

    /**
     * Recently played walks the user's months that have listens, newest first, and stops as soon
     * as they hold a page: the month list comes from the listen_months rollup (one index probe
     * per month, "the newest month with listens before this one"), and each month's listens
     * are read from that month's partition alone (runtime pruning on the month parameter). So
     * the months without listens are never touched: not those since a sparse user's last
     * listen, nor a gap of years in the middle of a history. Still one statement: a walk row's
     * {@code got} counts the rows of the months newer than it, so the final select reads only
     * the months the page still needs. Archived months keep their rollup rows; the walk steps
     * over them with an index probe each (their partition is gone, nothing to read).
     */
    private static String recentPage(String conditions, boolean before, boolean after) {
        String last = "(select last_played_at from listen_totals where user_id = :user)";
        String upper = before ? "least(cast(:beforeAt as timestamptz), " + last + ")" : last;
        String monthRows = """
                l.user_id = :user and l.listened_at >= w.month at time zone 'UTC'
                and l.listened_at < (w.month + interval '1 month') at time zone 'UTC'""" + conditions;
        return """
                with recursive walk(month, got) as (
                    select date_trunc('month', %s at time zone 'UTC'), 0::bigint
                    union all
                    select (select max(lm.month)::timestamp from listen_months lm
                            where lm.user_id = :user and lm.month < w.month%s),
                           w.got + (select count(*) from (select 1 from listens l where %s limit :limit) c)
                    from walk w
                    where w.month is not null and w.got < :limit)
                select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
                from walk w
                cross join lateral (select * from listens l where %s
                                    order by l.listened_at desc, l.track_id desc limit :limit) l
                where w.got < :limit
                order by l.listened_at desc, l.track_id desc limit :limit""".formatted(upper,
                after ? " and lm.month >= date_trunc('month', cast(:after as timestamptz) at time zone 'UTC')" : "",
                monthRows, monthRows);
    }

    /**
     * A track's plays are bounded by the user's first and last play of it: PostgreSQL prunes
     * the partitions outside that span when the query runs.
     */
    private static String trackPage(String conditions) {
        return """
                select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
                from listens l
                where l.user_id = :user and l.listened_at between
                      (select first_played_at from listen_stats_tracks where user_id = :user and track_id = :track)
                      and (select last_played_at from listen_stats_tracks where user_id = :user and track_id = :track)%s
                order by l.listened_at desc, l.track_id desc limit :limit""".formatted(conditions);
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), (Integer) rs.getObject(3),
                rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
