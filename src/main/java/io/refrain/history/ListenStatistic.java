package io.refrain.history;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every statistic kept of a user's listens, defined once: its table, what it is keyed by, which
 * rows of the played listens it counts, and its measures. The live write path
 * ({@link ListenWriteRepository}) and the rebuild ({@link ListenStatsRebuildRepository}) are both
 * generated from these definitions, so they cannot drift apart, and a test can use the rebuild as
 * the oracle of the live path.
 *
 * <p>Both read a set of played listens named {@code p} with the columns of {@link #PLAYED}:
 * {@code user_id, listened_at, track_id, skipped, album_id, ms} (a play's length: what the client
 * said, else the track's duration, else 0) and {@code utc} (the time of the play in UTC).
 */
enum ListenStatistic {
    TOTALS(
            "listen_totals",
            List.of(),
            "",
            "",
            Measure.PLAYS,
            Measure.MS_PLAYED,
            Measure.FIRST_PLAYED,
            Measure.LAST_PLAYED),
    TRACKS("listen_stats_tracks", List.of(key("track_id", "p.track_id")), "", "", Measure.ALL),
    ARTISTS(
            "listen_stats_artists",
            List.of(key("artist_id", "ta.artist_id")),
            "join catalog_track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured')",
            "",
            Measure.ALL),
    ALBUMS("listen_stats_albums", List.of(key("album_id", "p.album_id")), "", "p.album_id is not null", Measure.ALL),
    GENRES(
            "listen_stats_genres",
            List.of(key("genre_id", "tg.genre_id")),
            "join catalog_track_genres tg on tg.track_id = p.track_id",
            "",
            Measure.ALL),
    DAYS(
            "listen_days",
            List.of(key("day", "p.utc::date"), key("track_id", "p.track_id")),
            "",
            "",
            Measure.PLAYS,
            Measure.MS_PLAYED),
    MONTHS(
            "listen_months",
            List.of(key("month", "date_trunc('month', p.utc)::date"), key("track_id", "p.track_id")),
            "",
            "",
            Measure.PLAYS,
            Measure.MS_PLAYED),
    HOURS(
            "listen_hours",
            List.of(key("day", "p.utc::date"), key("hour", "extract(hour from p.utc)::smallint")),
            "",
            "",
            Measure.PLAYS,
            Measure.MS_PLAYED);

    /**
     * The played listens: {@code l} is a set of listens (stored, or just inserted) with
     * {@code user_id, listened_at, track_id, ms_played, skipped}, joined to the catalog's track.
     */
    static final String PLAYED = """
            select l.user_id, l.listened_at, l.track_id, l.skipped, t.album_id,
                   coalesce(l.ms_played, t.duration_ms, 0)::bigint as ms, l.listened_at at time zone 'UTC' as utc
            from %s l join catalog_tracks t on t.id = l.track_id""";

    /** A column of a statistic's key and the expression over {@code p} it is grouped by. */
    record Key(String column, String expression) {}

    /** A measure: its column, its aggregate over {@code p}, and how a new batch's value merges into the stored one. */
    enum Measure {
        PLAYS("plays", "count(*)", "s.plays + excluded.plays"),
        SKIPS("skips", "count(*) filter (where p.skipped)", "s.skips + excluded.skips"),
        MS_PLAYED("ms_played", "sum(p.ms)", "s.ms_played + excluded.ms_played"),
        FIRST_PLAYED("first_played_at", "min(p.listened_at)", "least(s.first_played_at, excluded.first_played_at)"),
        LAST_PLAYED("last_played_at", "max(p.listened_at)", "greatest(s.last_played_at, excluded.last_played_at)");

        static final Measure[] ALL = values();

        final String column;
        final String aggregate;
        final String merge;

        Measure(String column, String aggregate, String merge) {
            this.column = column;
            this.aggregate = aggregate;
            this.merge = merge;
        }
    }

    final String table;
    final List<Key> keys;
    private final String join;
    private final String filter;
    final List<Measure> measures;

    ListenStatistic(String table, List<Key> keys, String join, String filter, Measure... measures) {
        this.table = table;
        this.keys = keys;
        this.join = join;
        this.filter = filter;
        this.measures = List.of(measures);
    }

    private static Key key(String column, String expression) {
        return new Key(column, expression);
    }

    /** The table's columns in order: user, key, measures. */
    List<String> columns() {
        return Stream.concat(
                        Stream.concat(Stream.of("user_id"), keys.stream().map(Key::column)),
                        measures.stream().map(m -> m.column))
                .toList();
    }

    /**
     * One batch of one user's plays (from {@code played}) added to the stored values, as a
     * data-modifying CTE body: the live path's definition.
     */
    String upsertOfBatch(String played) {
        String conflict = columns().subList(0, keys.size() + 1).stream().collect(Collectors.joining(", "));
        String merges = measures.stream().map(m -> m.column + " = " + m.merge).collect(Collectors.joining(", "));
        return insertInto("s") + "\n" + selectOf(played, List.of(":user"), keys.isEmpty() ? "having count(*) > 0" : "")
                + "\non conflict (" + conflict + ") do update set " + merges;
    }

    /**
     * The statistic of every user in {@code played} computed from scratch: the rebuild's
     * definition. The caller has removed the users' rows first, except of {@link #TOTALS}, which
     * are replaced here (deleting a totals row would delete the user's listens: V008's owner trigger).
     */
    String insertOfAll(String played) {
        String sql = insertInto(null) + "\n" + selectOf(played, List.of("p.user_id"), "");
        if (this != TOTALS) {
            return sql;
        }
        return sql + "\non conflict (user_id) do update set "
                + measures.stream()
                        .map(m -> m.column + " = excluded." + m.column)
                        .collect(Collectors.joining(", "));
    }

    private String insertInto(String alias) {
        return "insert into " + table + (alias == null ? "" : " as " + alias) + " (" + String.join(", ", columns())
                + ")";
    }

    private String selectOf(String played, List<String> user, String having) {
        List<String> groups = Stream.concat(
                        user.stream().filter(u -> !u.startsWith(":")),
                        keys.stream().map(Key::expression))
                .toList();
        String select = Stream.concat(
                        Stream.concat(user.stream(), keys.stream().map(Key::expression)),
                        measures.stream().map(m -> m.aggregate))
                .collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select ")
                .append(select)
                .append(" from ")
                .append(played)
                .append(" p");
        if (!join.isEmpty()) {
            sql.append(' ').append(join);
        }
        if (!filter.isEmpty()) {
            sql.append(" where ").append(filter);
        }
        if (!groups.isEmpty()) {
            String list = String.join(", ", groups);
            sql.append(" group by ").append(list).append(" order by ").append(list);
        }
        if (!having.isEmpty()) {
            sql.append(' ').append(having);
        }
        return sql.toString();
    }
}
