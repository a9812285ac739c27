package io.refrain.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores listens and brings every statistic up to date in one statement: the insert's
 * {@code RETURNING} rows (only those not already stored, so a repeated submission adds
 * nothing) feed atomic upserts ({@code plays = plays + excluded.plays}) of the totals, the
 * all-time tables per track, artist, album and genre, and the day, month and hour rollups.
 * Concurrent writers never lose a count; the caller holds the user's advisory lock so two
 * batches of one user cannot deadlock on the same statistic rows.
 */
@Repository
class ListenWriter {

    /** A listen with its catalog track, ready to store. */
    record Row(Instant listenedAt, long trackId, Integer msPlayed, boolean skipped, String contextType,
               String contextId, String client) {
        Key key() {
            return new Key(listenedAt, trackId);
        }
    }

    record Key(Instant listenedAt, long trackId) {
    }

    private final JdbcClient jdbc;

    ListenWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises one user's writes until the transaction ends (taken before anything else). */
    void lockUser(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('listens:' || :user, 0))")
                .param("user", userId.toString()).query().singleValue();
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
                            returning listened_at, track_id, ms_played, skipped),
                        played as (
                            select i.listened_at, i.track_id, i.skipped, t.album_id,
                                   coalesce(i.ms_played, t.duration_ms, 0)::bigint as ms,
                                   i.listened_at at time zone 'UTC' as utc
                            from inserted i join catalog_tracks t on t.id = i.track_id),
                        totals as (
                            insert into listen_totals as s (user_id, plays, ms_played, first_played_at, last_played_at)
                            select :user, count(*), sum(ms), min(listened_at), max(listened_at) from played having count(*) > 0
                            on conflict (user_id) do update set
                                plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played,
                                first_played_at = least(s.first_played_at, excluded.first_played_at),
                                last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
                        per_track as (
                            insert into listen_stats_tracks as s (user_id, track_id, plays, skips, ms_played, first_played_at, last_played_at)
                            select :user, track_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
                            from played group by track_id order by track_id
                            on conflict (user_id, track_id) do update set
                                plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
                                ms_played = s.ms_played + excluded.ms_played,
                                first_played_at = least(s.first_played_at, excluded.first_played_at),
                                last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
                        per_artist as (
                            insert into listen_stats_artists as s (user_id, artist_id, plays, skips, ms_played, first_played_at, last_played_at)
                            select :user, ta.artist_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
                                   max(p.listened_at)
                            from played p join catalog_track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured')
                            group by ta.artist_id order by ta.artist_id
                            on conflict (user_id, artist_id) do update set
                                plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
                                ms_played = s.ms_played + excluded.ms_played,
                                first_played_at = least(s.first_played_at, excluded.first_played_at),
                                last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
                        per_album as (
                            insert into listen_stats_albums as s (user_id, album_id, plays, skips, ms_played, first_played_at, last_played_at)
                            select :user, album_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at)
                            from played where album_id is not null group by album_id order by album_id
                            on conflict (user_id, album_id) do update set
                                plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
                                ms_played = s.ms_played + excluded.ms_played,
                                first_played_at = least(s.first_played_at, excluded.first_played_at),
                                last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
                        per_genre as (
                            insert into listen_stats_genres as s (user_id, genre_id, plays, skips, ms_played, first_played_at, last_played_at)
                            select :user, tg.genre_id, count(*), count(*) filter (where p.skipped), sum(p.ms), min(p.listened_at),
                                   max(p.listened_at)
                            from played p join catalog_track_genres tg on tg.track_id = p.track_id
                            group by tg.genre_id order by tg.genre_id
                            on conflict (user_id, genre_id) do update set
                                plays = s.plays + excluded.plays, skips = s.skips + excluded.skips,
                                ms_played = s.ms_played + excluded.ms_played,
                                first_played_at = least(s.first_played_at, excluded.first_played_at),
                                last_played_at = greatest(s.last_played_at, excluded.last_played_at)),
                        per_day as (
                            insert into listen_days as s (user_id, day, track_id, plays, ms_played)
                            select :user, utc::date, track_id, count(*), sum(ms) from played group by 2, 3 order by 2, 3
                            on conflict (user_id, day, track_id) do update set
                                plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played),
                        per_month as (
                            insert into listen_months as s (user_id, month, track_id, plays, ms_played)
                            select :user, date_trunc('month', utc)::date, track_id, count(*), sum(ms) from played
                            group by 2, 3 order by 2, 3
                            on conflict (user_id, month, track_id) do update set
                                plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played),
                        per_hour as (
                            insert into listen_hours as s (user_id, day, hour, plays, ms_played)
                            select :user, utc::date, extract(hour from utc)::smallint, count(*), sum(ms) from played
                            group by 2, 3 order by 2, 3
                            on conflict (user_id, day, hour) do update set
                                plays = s.plays + excluded.plays, ms_played = s.ms_played + excluded.ms_played)
                        select listened_at, track_id from inserted""".formatted(fresh))
                .param("user", userId).param("source", source.column()).param("import", importId)
                .param("window", new org.postgresql.util.PGInterval(0, 0, 0, 0, 0, window.toMillis() / 1000.0))
                .param("at", rows.stream().map(r -> micros(r.listenedAt())).toArray(Long[]::new))
                .param("track", rows.stream().map(Row::trackId).toArray(Long[]::new))
                .param("ms", rows.stream().map(Row::msPlayed).toArray(Integer[]::new))
                .param("skipped", rows.stream().map(Row::skipped).toArray(Boolean[]::new))
                .param("contextType", rows.stream().map(Row::contextType).toArray(String[]::new))
                .param("contextId", rows.stream().map(Row::contextId).toArray(String[]::new))
                .param("client", rows.stream().map(Row::client).toArray(String[]::new))
                .query((rs, n) -> added.add(new Key(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)))).list();
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
