package io.refrain.history;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-user reads of the partitioned listens, newest first, month by month and only the months
 * that have listens, until the page is full: the user's last listen (listen_totals, or
 * listen_stats_tracks for one track) names the first month; the listen_months rollup names the
 * next month with listens below one that was not enough (an index probe). Each month is read by
 * a statement whose time bounds are parameters, so PostgreSQL prunes every other partition while
 * planning — not at run time, where all partitions would still be planned and started, which
 * costs more than the read itself once there are years of them. A user whose last listen was
 * years ago, or with a gap of years in the middle, costs the same two or three short statements
 * as an active one, however many partitions exist (the trap time-chunked storage fell into at
 * ListenBrainz). Months older than the oldest partition were archived: the walk stops there.
 * A history (of the user, or of the track) whose first and last listen lie within
 * {@value #SHORT_SPAN_MONTHS} months is read whole by one such statement instead — still pruned
 * while planning, to at most that many partitions — so a sparse listener whose few plays are
 * spread over a year costs two statements, not two per month. SparseUserRecentlyPlayedIT proves
 * both on the plans.
 */
@Repository
class ListenReader {

    /** A stored listen without its track view. */
    record Stored(
            Instant listenedAt,
            long trackId,
            Integer msPlayed,
            boolean skipped,
            String contextType,
            String contextId,
            String client) {}

    /** Where a page starts: strictly older than (listenedAt, trackId); null = from the newest. */
    record Position(Instant listenedAt, long trackId) {}

    /**
     * Spans of at most this many months are read with one statement: probing a dozen monthly
     * indexes in one merge costs less than a dozen round trips of the walk.
     */
    static final int SHORT_SPAN_MONTHS = 12;

    private final JdbcClient jdbc;
    private final ListenPartitions partitions;

    ListenReader(JdbcClient jdbc, ListenPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /** A user's all-time statistic of one track. */
    record TrackStats(int plays, int skips, long msPlayed, Instant first, Instant last) {}

    /** When the user's first and last listens were; empty before the first listen. */
    Optional<HistoryService.ListenSpan> span(UUID userId) {
        return jdbc.sql("select first_played_at, last_played_at from listen_totals where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new HistoryService.ListenSpan(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The user's plays of the track, all time; empty if none. */
    Optional<TrackStats> trackStats(UUID userId, long trackId) {
        return jdbc.sql("""
                        select plays, skips, ms_played, first_played_at, last_played_at from listen_stats_tracks
                        where user_id = :user and track_id = :track""")
                .param("user", userId)
                .param("track", trackId)
                .query((rs, n) -> new TrackStats(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Of these tracks, those someone has listened to (listen_stats_tracks has a track index). */
    Set<Long> listenedTo(Collection<Long> trackIds) {
        return new HashSet<>(jdbc.sql("select distinct track_id from listen_stats_tracks where track_id = any(:ids)")
                .param("ids", List.copyOf(trackIds).toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    List<Stored> recent(UUID userId, Position before, Instant after, int limit) {
        return page(userId, null, before, after, limit);
    }

    List<Stored> ofTrack(UUID userId, long trackId, Position before, int limit) {
        return page(userId, trackId, before, null, limit);
    }

    private List<Stored> page(UUID userId, Long trackId, Position before, Instant after, int limit) {
        Optional<Span> span = (trackId == null
                        ? jdbc.sql("select first_played_at, last_played_at from listen_totals where user_id = :user")
                        : jdbc.sql(
                                        "select first_played_at, last_played_at from listen_stats_tracks where user_id = :user and track_id = :track")
                                .param("track", trackId))
                .param("user", userId)
                .query((rs, n) -> new Span(instant(rs, 1), instant(rs, 2)))
                .optional();
        if (span.isEmpty()) {
            return List.of();
        }
        Instant upper = before == null || span.get().last().isBefore(before.listenedAt())
                ? span.get().last()
                : before.listenedAt();
        YearMonth oldest = partitions.oldest();
        YearMonth month = YearMonth.from(upper.atOffset(ZoneOffset.UTC));
        YearMonth firstMonth = YearMonth.from(span.get().first().atOffset(ZoneOffset.UTC));
        if (oldest != null
                && !firstMonth.isBefore(oldest)
                && firstMonth.plusMonths(SHORT_SPAN_MONTHS).isAfter(month)) {
            return range(
                    userId, trackId, monthStart(firstMonth), monthStart(month.plusMonths(1)), before, after, limit);
        }
        List<Stored> rows = new ArrayList<>();
        while (month != null && rows.size() < limit) {
            if (oldest == null || month.isBefore(oldest)) {
                // older than any partition this process knows: another process (an import) may
                // have made it since; if not, the month was archived and so are all before it
                partitions.reload();
                oldest = partitions.oldest();
                if (oldest == null || month.isBefore(oldest)) {
                    break;
                }
            }
            rows.addAll(range(
                    userId,
                    trackId,
                    monthStart(month),
                    monthStart(month.plusMonths(1)),
                    before,
                    after,
                    limit - rows.size()));
            if (rows.size() < limit) {
                month = previousMonth(userId, trackId, month, after).orElse(null);
            }
        }
        return rows;
    }

    /** The newest month before {@code month} in which the user listened (to the track, if given): an index probe. */
    private Optional<YearMonth> previousMonth(UUID userId, Long trackId, YearMonth month, Instant after) {
        String sql = "select month from listen_months where user_id = :user"
                + (trackId == null ? "" : " and track_id = :track") + " and month < :month"
                + (after == null ? "" : " and month >= :afterMonth") + " order by month desc limit 1";
        var statement = jdbc.sql(sql).param("user", userId).param("month", Date.valueOf(month.atDay(1)));
        if (trackId != null) {
            statement = statement.param("track", trackId);
        }
        if (after != null) {
            statement = statement.param(
                    "afterMonth",
                    Date.valueOf(YearMonth.from(after.atOffset(ZoneOffset.UTC)).atDay(1)));
        }
        return statement
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .map(YearMonth::from);
    }

    private List<Stored> range(
            UUID userId, Long trackId, Instant from, Instant to, Position before, Instant after, int limit) {
        var statement = jdbc.sql(sql(trackId != null, before != null, after != null))
                .param("user", userId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit);
        if (trackId != null) {
            statement = statement.param("track", trackId);
        }
        if (before != null) {
            statement = statement
                    .param("beforeAt", Timestamp.from(before.listenedAt()))
                    .param("beforeTrack", before.trackId());
        }
        if (after != null) {
            statement = statement.param("after", Timestamp.from(after));
        }
        return statement.query(ListenReader::stored).list();
    }

    /**
     * The listens of a user in [:from, :to), newest first, with :limit and, as flagged, :track,
     * the keyset :beforeAt / :beforeTrack and :after. Package-visible so the partition-pruning
     * test explains exactly this text.
     */
    static String sql(boolean ofTrack, boolean before, boolean after) {
        StringBuilder sql = new StringBuilder("""
                select l.listened_at, l.track_id, l.ms_played, l.skipped, l.context_type, l.context_id, l.client
                from listens l
                where l.user_id = :user and l.listened_at >= :from and l.listened_at < :to""");
        if (ofTrack) {
            sql.append(" and l.track_id = :track");
        }
        if (before) {
            // the plain bound narrows the index range; the row comparison is the exact keyset
            sql.append(" and l.listened_at <= :beforeAt and (l.listened_at, l.track_id) < (:beforeAt, :beforeTrack)");
        }
        if (after) {
            sql.append(" and l.listened_at > :after");
        }
        return sql.append(" order by l.listened_at desc, l.track_id desc limit :limit")
                .toString();
    }

    private static Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private record Span(Instant first, Instant last) {}

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject(1, OffsetDateTime.class).toInstant(),
                rs.getLong(2),
                (Integer) rs.getObject(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }
}
