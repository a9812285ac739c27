package io.refrain.history;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the statistics. All-time lists come straight from the per-entity tables (an index
 * range scan on (user, plays desc)); a range sums the day rollups (week, month) or the month
 * rollups plus the days of the first, partial month (year), so a year reads at most 12 months
 * and 31 days of rows per track played in them. Artists, albums and genres of a range are the
 * range's tracks grouped by their credits, album and genres.
 */
@Repository
class StatsRepository {

    enum Kind {
        TRACKS,
        ARTISTS,
        ALBUMS,
        GENRES
    }

    /** One row of a top list: the entity's id, its display name (null for tracks) and its numbers. */
    record Ranked(long id, String name, String detail, long plays, long msPlayed) {}

    record Bucket(String key, long plays, long msPlayed) {}

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Ranked> top(UUID userId, Kind kind, LocalDate from, LocalDate today, int limit, int offset) {
        String ranked = from == null ? allTime(kind) : inRange(kind, rangeRows(from));
        String named =
                switch (kind) {
                    case TRACKS -> "select r.id, null::text, null::text, r.plays, r.ms from ranked r";
                    case ARTISTS ->
                        "select r.id, a.name, null::text, r.plays, r.ms from ranked r join catalog_artists a on a.id = r.id";
                    case ALBUMS -> """
                    select r.id, al.title, (select string_agg(a.name, ', ' order by aa.position) from catalog_album_artists aa
                                            join catalog_artists a on a.id = aa.artist_id where aa.album_id = al.id), r.plays, r.ms
                    from ranked r join catalog_albums al on al.id = r.id""";
                    case GENRES ->
                        "select r.id, g.name, null::text, r.plays, r.ms from ranked r join catalog_genres g on g.id = r.id";
                };
        var statement = jdbc.sql(
                        "with ranked as (" + ranked + " order by plays desc, ms desc, id limit :limit offset :offset) "
                                + named + " order by r.plays desc, r.ms desc, r.id")
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset);
        if (from != null) {
            statement =
                    statement.param("from", Date.valueOf(from)).param("firstMonth", Date.valueOf(firstFullMonth(from)));
        }
        return statement
                .query((rs, n) ->
                        new Ranked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    private static String allTime(Kind kind) {
        String table =
                switch (kind) {
                    case TRACKS -> "listen_stats_tracks";
                    case ARTISTS -> "listen_stats_artists";
                    case ALBUMS -> "listen_stats_albums";
                    case GENRES -> "listen_stats_genres";
                };
        String id =
                switch (kind) {
                    case TRACKS -> "track_id";
                    case ARTISTS -> "artist_id";
                    case ALBUMS -> "album_id";
                    case GENRES -> "genre_id";
                };
        return "select " + id + " as id, plays, ms_played as ms from " + table
                + " where user_id = :user"; // raw columns: the order by then follows the (user, plays desc, ms desc,
        // id) index
    }

    /** Per track plays in [from, today]: days of the first partial month, then whole months (ranges over 31 days). */
    private static String rangeRows(LocalDate from) {
        return """
                select track_id, plays, ms_played from listen_days where user_id = :user and day >= :from and day < :firstMonth
                union all
                select track_id, plays, ms_played from listen_months where user_id = :user and month >= :firstMonth""";
    }

    private static String inRange(Kind kind, String rows) {
        return switch (kind) {
            case TRACKS ->
                "select track_id as id, sum(plays) as plays, sum(ms_played) as ms from (" + rows
                        + ") r group by track_id";
            case ARTISTS ->
                "select ta.artist_id as id, sum(r.plays) as plays, sum(r.ms_played) as ms from (" + rows + ") r "
                        + "join catalog_track_artists ta on ta.track_id = r.track_id and ta.role in ('main', 'featured') group by ta.artist_id";
            case ALBUMS ->
                "select t.album_id as id, sum(r.plays) as plays, sum(r.ms_played) as ms from (" + rows + ") r "
                        + "join catalog_tracks t on t.id = r.track_id where t.album_id is not null group by t.album_id";
            case GENRES ->
                "select tg.genre_id as id, sum(r.plays) as plays, sum(r.ms_played) as ms from (" + rows + ") r "
                        + "join catalog_track_genres tg on tg.track_id = r.track_id group by tg.genre_id";
        };
    }

    /**
     * The first month wholly inside a range starting on {@code from}: the month rollups serve
     * from there on (the current month's row holds only days up to today, all inside).
     */
    static LocalDate firstFullMonth(LocalDate from) {
        return from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
    }

    /** Plays per UTC day in [from, today] (per month for all time, from = null). */
    List<Bucket> perDay(UUID userId, LocalDate from) {
        String sql = from == null ? """
                  select to_char(date_trunc('month', day), 'YYYY-MM'), sum(plays), sum(ms_played) from listen_hours
                  where user_id = :user group by 1 order by 1""" : """
                  select to_char(day, 'YYYY-MM-DD'), sum(plays), sum(ms_played) from listen_hours
                  where user_id = :user and day >= :from group by 1 order by 1""";
        return buckets(sql, userId, from);
    }

    /** Plays per UTC hour of day over [from, today]. */
    List<Bucket> perHour(UUID userId, LocalDate from) {
        return buckets(
                "select hour::text, sum(plays), sum(ms_played) from listen_hours where user_id = :user"
                        + (from == null ? "" : " and day >= :from") + " group by hour order by hour",
                userId,
                from);
    }

    private List<Bucket> buckets(String sql, UUID userId, LocalDate from) {
        var statement = jdbc.sql(sql).param("user", userId);
        if (from != null) {
            statement = statement.param("from", Date.valueOf(from));
        }
        return statement
                .query((rs, n) -> new Bucket(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
