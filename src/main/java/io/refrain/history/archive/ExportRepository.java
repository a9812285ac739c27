package io.refrain.history.archive;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of a user's export: the span of their history, keyset pages of live listens, track names. */
@Repository
class ExportRepository {

    /** The first and last listen of a user (archived ones included: the totals keep them). */
    record Span(Instant first, Instant last) {}

    /** One listen as exported, from a partition or an archive file. */
    record Row(Instant listenedAt, long trackId, Integer msPlayed, String client) {}

    /** What the export says about a track. */
    record TrackInfo(
            long id,
            String title,
            String artistNames,
            String albumTitle,
            Integer durationMs,
            String recordingMbid,
            String isrc,
            String spotifyId) {}

    private final JdbcClient jdbc;

    ExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Span> span(UUID userId) {
        return jdbc.sql("select first_played_at, last_played_at from listen_totals where user_id = :user")
                .param("user", userId)
                .query((rs, n) -> new Span(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * The next page of the user's listens in [from, to) after the position (null: from the
     * start), oldest first. Constant bounds: the planner reads only that month's partition.
     */
    List<Row> page(UUID userId, Instant from, Instant to, Row after, int limit) {
        var statement = jdbc.sql(
                        """
                        select listened_at, track_id, ms_played, client from listens
                        where user_id = :user and listened_at >= :from and listened_at < :to
                        """ + (after == null ? "" : "and (listened_at, track_id) > (:afterAt, :afterTrack) ") + """
                        order by listened_at, track_id limit :limit""")
                .param("user", userId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit);
        if (after != null) {
            statement = statement
                    .param("afterAt", Timestamp.from(after.listenedAt()))
                    .param("afterTrack", after.trackId());
        }
        return statement
                .query((rs, n) -> new Row(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getLong(2),
                        (Integer) rs.getObject(3),
                        rs.getString(4)))
                .list();
    }

    Map<Long, TrackInfo> tracks(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select t.id, t.title, t.artist_names, al.title, t.duration_ms,
                               (select min(s.external_id) from catalog_track_sources s where s.track_id = t.id and s.provider = 'musicbrainz'),
                               (select min(s.external_id) from catalog_track_sources s where s.track_id = t.id and s.provider = 'isrc'),
                               (select min(s.external_id) from catalog_track_sources s where s.track_id = t.id and s.provider = 'spotify')
                        from catalog_tracks t left join catalog_albums al on al.id = t.album_id
                        where t.id = any(:ids)""")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> new TrackInfo(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list()
                .stream()
                .collect(Collectors.toMap(TrackInfo::id, Function.identity()));
    }
}
