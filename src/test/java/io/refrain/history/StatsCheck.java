package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recomputes every statistic of a user from the stored listens and compares it with what the
 * write path maintained: the tables must equal a from-scratch aggregation, row for row.
 */
public final class StatsCheck {

    private StatsCheck() {}

    public static void assertConsistent(JdbcClient jdbc, UUID user) {
        String played = """
                (select l.listened_at, l.track_id, l.skipped, t.album_id,
                        coalesce(l.ms_played, t.duration_ms, 0)::bigint as ms, l.listened_at at time zone 'UTC' as utc
                 from listens l join tracks t on t.id = l.track_id where l.user_id = :user) p""";
        same(
                jdbc,
                user,
                "totals",
                "select plays, ms_played, first_played_at, last_played_at from listen_totals where user_id = :user",
                "select count(*), sum(ms), min(listened_at), max(listened_at) from " + played + " having count(*) > 0");
        same(
                jdbc,
                user,
                "tracks",
                "select track_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_tracks where user_id = :user",
                "select track_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                        + played + " group by track_id");
        same(
                jdbc,
                user,
                "artists",
                "select artist_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_artists where user_id = :user",
                "select ta.artist_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                        + played
                        + " join track_artists ta on ta.track_id = p.track_id and ta.role in ('main', 'featured') group by ta.artist_id");
        same(
                jdbc,
                user,
                "albums",
                "select album_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_albums where user_id = :user",
                "select album_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                        + played + " where album_id is not null group by album_id");
        same(
                jdbc,
                user,
                "genres",
                "select genre_id, plays, skips, ms_played, first_played_at, last_played_at from listen_stats_genres where user_id = :user",
                "select tg.genre_id, count(*), count(*) filter (where skipped), sum(ms), min(listened_at), max(listened_at) from "
                        + played + " join track_genres tg on tg.track_id = p.track_id group by tg.genre_id");
        same(
                jdbc,
                user,
                "days",
                "select day, track_id, plays, ms_played from listen_days where user_id = :user",
                "select utc::date, track_id, count(*), sum(ms) from " + played + " group by 1, 2");
        same(
                jdbc,
                user,
                "months",
                "select month, track_id, plays, ms_played from listen_months where user_id = :user",
                "select date_trunc('month', utc)::date, track_id, count(*), sum(ms) from " + played + " group by 1, 2");
        same(
                jdbc,
                user,
                "hours",
                "select day, hour, plays, ms_played from listen_hours where user_id = :user",
                "select utc::date, extract(hour from utc)::smallint, count(*), sum(ms) from " + played
                        + " group by 1, 2");
    }

    private static void same(JdbcClient jdbc, UUID user, String what, String maintained, String recomputed) {
        long differences = jdbc.sql("select count(*) from ((" + maintained + " except all " + recomputed
                        + ") union all (" + recomputed + " except all " + maintained + ")) d")
                .param("user", user)
                .query(Long.class)
                .single();
        assertThat(differences)
                .as("rows of %s that differ from a recomputation", what)
                .isZero();
    }
}
