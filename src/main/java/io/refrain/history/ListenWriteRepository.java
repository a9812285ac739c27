package io.refrain.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores listens and brings every statistic up to date in one statement: the insert's
 * {@code RETURNING} rows (only those not already stored, so a repeated submission adds
 * nothing) feed atomic upserts ({@code plays = plays + excluded.plays}) of every
 * {@link ListenStatistic}: the totals, the all-time tables per track, artist, album and genre,
 * and the day, month and hour rollups.
 * Concurrent writers never lose a count; the caller holds the user's advisory lock so two
 * batches of one user cannot deadlock on the same statistic rows.
 */
@Repository
class ListenWriteRepository {

    /** A listen with its catalog track, ready to store. */
    record Row(
            Instant listenedAt,
            long trackId,
            Integer msPlayed,
            boolean skipped,
            String contextType,
            String contextId,
            String client) {
        Key key() {
            return new Key(listenedAt, trackId);
        }
    }

    record Key(Instant listenedAt, long trackId) {}

    /** One upsert per statistic, as CTEs after {@code played}: the statistics' one definition. */
    private static final String STATISTICS = Stream.of(ListenStatistic.values())
            .map(s -> "stat_" + s.name().toLowerCase(Locale.ROOT) + " as (\n" + s.upsertOfBatch("played") + ")")
            .collect(Collectors.joining(",\n"));

    private final JdbcClient jdbc;

    ListenWriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises one user's writes until the transaction ends (taken before anything else). */
    void lockUser(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('listens:' || :user, 0))")
                .param("user", userId.toString())
                .query()
                .singleValue();
    }

    /**
     * Stores the rows that are new and returns their keys. With a {@code window} above zero a
     * row is also left out when the user already has a play of the same track less than that
     * far from it (the same play reported by two sources), or when an earlier row of this
     * batch is.
     */
    Set<Key> write(UUID userId, List<Row> rows, ListenSource source, Long importId, Duration window) {
        String fresh = window.isZero() ? "select * from input" : """
                select i.* from input i
                where not exists (select 1 from listens l
                                  where l.user_id = :user and l.track_id = i.track_id
                                    and l.listened_at > i.listened_at - :window and l.listened_at < i.listened_at + :window)
                  and not exists (select 1 from input e
                                  where e.track_id = i.track_id and e.listened_at < i.listened_at
                                    and e.listened_at > i.listened_at - :window)""";
        Set<Key> added = new HashSet<>();
        jdbc.sql("""
                        with input as (
                            select 'epoch'::timestamptz + at_us * interval '1 microsecond' as listened_at,
                                   track_id, ms_played, skipped, context_type, context_id, client
                            from unnest(:at::bigint[], :track::bigint[], :ms::int[], :skipped::boolean[],
                                        :contextType::text[], :contextId::text[], :client::text[])
                                 as u(at_us, track_id, ms_played, skipped, context_type, context_id, client)),
                        fresh as (%s),
                        inserted as (
                            insert into listens (user_id, listened_at, track_id, ms_played, skipped, context_type, context_id,
                                                 client, source, import_id)
                            select :user, listened_at, track_id, ms_played, skipped, context_type, context_id, client, :source, :import
                            from fresh order by listened_at, track_id
                            on conflict do nothing
                            returning user_id, listened_at, track_id, ms_played, skipped),
                        played as (%s),
                        %s
                        select listened_at, track_id from inserted""".formatted(fresh, ListenStatistic.PLAYED.formatted("inserted"), STATISTICS))
                .param("user", userId)
                .param("source", source.column())
                .param("import", importId)
                .param("window", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, window.toMillis() / 1000.0))
                .param("at", rows.stream().map(r -> micros(r.listenedAt())).toArray(Long[]::new))
                .param("track", rows.stream().map(Row::trackId).toArray(Long[]::new))
                .param("ms", rows.stream().map(Row::msPlayed).toArray(Integer[]::new))
                .param("skipped", rows.stream().map(Row::skipped).toArray(Boolean[]::new))
                .param("contextType", rows.stream().map(Row::contextType).toArray(String[]::new))
                .param("contextId", rows.stream().map(Row::contextId).toArray(String[]::new))
                .param("client", rows.stream().map(Row::client).toArray(String[]::new))
                .query((rs, n) ->
                        added.add(new Key(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2))))
                .list();
        return added;
    }

    /** Listens are stored to the microsecond (PostgreSQL's precision); keys compare at that precision. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
