package io.refrain.recommend;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listener profiles: computed in one statement (the user's listens read once, into a materialized
 * CTE: {@code listens} has a partition per month, and each reference would plan and probe all of
 * them) from the published views of the history
 * ({@code history_listens}, {@code history_track_stats}, {@code history_artist_stats}), the library
 * ({@code library_saved_tracks}, {@code library_loved_tracks}, {@code library_track_ratings}) and
 * this module's feedback, and stored per user.
 *
 * <p>A track's weight: each listen counts 1 (a skipped one −{@value #SKIP}), halved every half-life
 * back from the user's latest listen (not from now, so a history imported from years ago keeps its
 * shape); saved +{@value #SAVED}, loved +{@value #LOVED}, a rating adds (rating − 2.5) / 2.5, a thumbs
 * up +{@value #FEEDBACK} and a thumbs down −{@value #FEEDBACK}. Tracks with a positive weight make the
 * profile.
 */
@Repository
class ProfileRepository {

    static final double SKIP = 0.5;
    static final double SAVED = 1.0;
    static final double LOVED = 2.0;
    static final double FEEDBACK = 2.0;

    private static final String WEIGHTS = """
            with mine as materialized (
                select listened_at, track_id, skipped from history_listens where user_id = :user),
            latest as (select max(listened_at) as at from mine),
            plays as (
                select l.track_id, count(*) as n,
                       sum((case when l.skipped then -%s else 1 end)::float8
                           * power(0.5::float8, extract(epoch from (x.at - l.listened_at))::float8 / :halfLife)) as w
                from mine l cross join latest x
                group by l.track_id),
            kept as (
                select track_id, %s::float8 as w from library_saved_tracks where user_id = :user
                union all select track_id, %s::float8 from library_loved_tracks where user_id = :user
                union all select track_id, (rating::float8 - 2.5) / 2.5 from library_track_ratings where user_id = :user
                union all select track_id, score * %s::float8 from track_feedback where user_id = :user),
            liked as (
                select track_id, sum(w) as w
                from (select track_id, w from plays union all select track_id, w from kept) a
                group by track_id
                having sum(w) > 0)
            """.formatted(SKIP, SAVED, LOVED, FEEDBACK);

    private static final String COMPUTE = WEIGHTS
            + """
            select
                (select coalesce(sum(n), 0) from plays) as listens,
                (select count(*) from liked) as tracks,
                (select at from latest) as latest,
                (select array[%s] from liked l join catalog_audio_features f using (track_id)) as sums,
                array[%s, %s, %s, %s]::float8[] as ranges,
                (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'weight', w) order by w desc, id), '[]')::text
                 from (select g.id, g.name, sum(l.w) / (select sum(w) from liked) as w
                       from liked l join catalog_track_genres tg using (track_id) join catalog_genres g on g.id = tg.genre_id
                       group by g.id, g.name order by w desc, g.id limit 10) x) as genres,
                (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'weight', w) order by w desc, id), '[]')::text
                 from (select a.id, a.name, sum(l.w) / (select sum(w) from liked) as w
                       from liked l join catalog_track_artists ta on ta.track_id = l.track_id and ta.role = 'main'
                       join catalog_artists a on a.id = ta.artist_id
                       group by a.id, a.name order by w desc, a.id limit 10) x) as artists,
                (select coalesce(array_agg(track_id order by w desc, track_id), '{}')
                 from (select track_id, w from liked order by w desc, track_id limit 25) x) as top_tracks,
                (select sum(l.w * t.popularity) / nullif(sum(l.w) filter (where t.popularity is not null), 0) / 100.0
                 from liked l join catalog_tracks t on t.id = l.track_id) as mainstreamness,
                (select array[count(*), count(*) filter (where s.first_played_at > x.at - interval '90 days'),
                              count(*) filter (where a.first_played_at > x.at - interval '90 days')]
                 from mine r cross join latest x
                 join history_track_stats s on s.user_id = :user and s.track_id = r.track_id
                 left join lateral (select artist_id from catalog_track_artists ta
                                    where ta.track_id = r.track_id order by ta.position limit 1) m on true
                 left join history_artist_stats a on a.user_id = :user and a.artist_id = m.artist_id
                 where r.listened_at > x.at - interval '90 days') as novelty,
                (select array_agg(coalesce(h.n, 0) order by hour)
                 from generate_series(0, 23) hour
                 left join (select extract(hour from r.listened_at at time zone 'UTC')::int as hour, count(*) as n
                            from mine r cross join latest x
                            where r.listened_at > x.at - interval '90 days'
                            group by 1) h using (hour)) as hours
            """.formatted(
                            sums(),
                            percentile("tempo", 0.1),
                            percentile("tempo", 0.9),
                            percentile("energy", 0.1),
                            percentile("energy", 0.9));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProfileRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Per dimension: the weight of the tracks that have it, Σ w·x and Σ w·x². */
    private static String sums() {
        return Dimension.ALL.stream()
                .map(d ->
                        "coalesce(sum(l.w) filter (where f.%1$s is not null), 0), coalesce(sum(l.w * f.%1$s), 0), coalesce(sum(l.w * f.%1$s * f.%1$s), 0)"
                                .formatted(d.column))
                .collect(Collectors.joining(",\n                    "));
    }

    /** The weighted percentile: the smallest value whose cumulative weight reaches the fraction. */
    private static String percentile(String column, double fraction) {
        return "(select %1$s from (select %1$s, sum(w) over (order by %1$s, w) / sum(w) over () as c from liked l join catalog_audio_features f using (track_id) where %1$s is not null) p where c >= %2$s order by %1$s limit 1)"
                .formatted(column, fraction);
    }

    ListenerProfile compute(UUID user, Duration halfLife) {
        return jdbc.sql(COMPUTE)
                .param("user", user)
                .param("halfLife", (double) halfLife.toSeconds())
                .query((rs, n) -> profile(rs))
                .single();
    }

    private ListenerProfile profile(ResultSet rs) throws SQLException {
        double[] sums = doubles(rs.getArray("sums"));
        Map<String, ListenerProfile.Stat> sound = new HashMap<>();
        for (Dimension d : Dimension.ALL) {
            double weight = sums[d.ordinal() * 3];
            if (weight > 0) {
                double mean = sums[d.ordinal() * 3 + 1] / weight;
                double variance = Math.max(0, sums[d.ordinal() * 3 + 2] / weight - mean * mean);
                sound.put(d.column, new ListenerProfile.Stat(mean, Math.sqrt(variance)));
            }
        }
        double[] ranges = doubles(rs.getArray("ranges"));
        double[] novelty = doubles(rs.getArray("novelty"));
        double[] hourCounts = doubles(rs.getArray("hours"));
        double hourTotal = Arrays.stream(hourCounts).sum();
        List<Double> hours = new ArrayList<>(24);
        for (double count : hourCounts) {
            hours.add(hourTotal == 0 ? 0 : count / hourTotal);
        }
        Double noveltyTolerance = novelty[0] == 0 ? null : (novelty[1] + novelty[2]) / (2 * novelty[0]);
        Double mainstream = rs.getObject("mainstreamness", Double.class);
        var latest = rs.getTimestamp("latest");
        return new ListenerProfile(
                rs.getLong("listens"),
                rs.getLong("tracks"),
                sound,
                range(ranges, 0),
                range(ranges, 2),
                weighted(rs.getString("genres")),
                weighted(rs.getString("artists")),
                Arrays.stream((Long[]) rs.getArray("top_tracks").getArray()).toList(),
                noveltyTolerance,
                mainstream,
                hours,
                latest == null ? null : latest.toInstant());
    }

    private static ListenerProfile.Range range(double[] values, int at) {
        return Double.isNaN(values[at]) || Double.isNaN(values[at + 1])
                ? null
                : new ListenerProfile.Range(values[at], values[at + 1]);
    }

    private List<ListenerProfile.Weighted> weighted(String text) {
        return json.readValue(text, new TypeReference<List<ListenerProfile.Weighted>>() {});
    }

    /** Numbers of a SQL array; a null array or element becomes NaN. */
    private static double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return result;
    }

    /** The stored profile of a user, with the versions it was computed at. */
    record Stored(
            ListenerProfile profile,
            String code,
            long historyVersion,
            long libraryVersion,
            long feedbackVersion,
            Instant computedAt,
            Instant validUntil,
            int computationMs) {}

    /** The versions of the user's data now: history, library, feedback (0 when the user has none). */
    record Versions(long history, long library, long feedback) {}

    Versions versions(UUID user) {
        return jdbc.sql("""
                        select coalesce((select version from history_versions where user_id = :user), 0) as h,
                               coalesce((select version from library_versions where user_id = :user), 0) as l,
                               coalesce((select version from feedback_versions where user_id = :user), 0) as f""")
                .param("user", user)
                .query((rs, n) -> new Versions(rs.getLong("h"), rs.getLong("l"), rs.getLong("f")))
                .single();
    }

    Optional<Stored> find(UUID user) {
        return jdbc.sql("""
                        select profile::text, code, history_version, library_version, feedback_version,
                               last_computed_at, cache_valid_until, computation_duration_ms
                        from listener_profiles where user_id = :user""")
                .param("user", user)
                .query((rs, n) -> new Stored(
                        json.readValue(rs.getString(1), ListenerProfile.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8)))
                .optional();
    }

    void store(UUID user, Stored stored) {
        jdbc.sql("""
                        insert into listener_profiles (user_id, profile, code, history_version, library_version,
                            feedback_version, last_computed_at, cache_valid_until, computation_duration_ms)
                        values (:user, cast(:profile as jsonb), :code, :h, :l, :f, :at, :until, :ms)
                        on conflict (user_id) do update set profile = excluded.profile, code = excluded.code,
                            history_version = excluded.history_version, library_version = excluded.library_version,
                            feedback_version = excluded.feedback_version, last_computed_at = excluded.last_computed_at,
                            cache_valid_until = excluded.cache_valid_until,
                            computation_duration_ms = excluded.computation_duration_ms
                        where listener_profiles.last_computed_at <= excluded.last_computed_at""")
                .param("user", user)
                .param("profile", json.writeValueAsString(stored.profile()))
                .param("code", stored.code())
                .param("h", stored.historyVersion())
                .param("l", stored.libraryVersion())
                .param("f", stored.feedbackVersion())
                .param("at", java.sql.Timestamp.from(stored.computedAt()))
                .param("until", java.sql.Timestamp.from(stored.validUntil()))
                .param("ms", stored.computationMs())
                .update();
    }

    /** Users whose stored profile is stale, oldest first (for the background refresh). */
    List<UUID> stale(Instant now, int limit) {
        return jdbc.sql("""
                        select p.user_id from listener_profiles p
                        where p.cache_valid_until < :now
                           or p.history_version <> coalesce((select version from history_versions v where v.user_id = p.user_id), 0)
                           or p.library_version <> coalesce((select version from library_versions v where v.user_id = p.user_id), 0)
                           or p.feedback_version <> coalesce((select version from feedback_versions v where v.user_id = p.user_id), 0)
                        order by p.last_computed_at limit :limit""")
                .param("now", java.sql.Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
