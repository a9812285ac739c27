package io.refrain.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluation's baselines and lookups, read through the history's and catalog's published views. */
@Repository
class EvaluationRepository {

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long tracksWithFeatures() {
        return jdbc.sql("select count(*) from catalog_audio_features")
                .query(Long.class)
                .single();
    }

    /** Baseline "most popular": the tracks with the most plays (skips not counted) of everyone's training listens. */
    List<Long> mostPlayedOverall(int k) {
        return jdbc.sql("""
                        select track_id from history_track_stats
                        group by track_id
                        order by sum(plays - skips) desc, count(*) desc, track_id
                        limit :k""").param("k", k).query(Long.class).list();
    }

    /** Baseline "own most played": the user's tracks with the most plays in training. */
    List<Long> mostPlayedBy(UUID user, int k) {
        return jdbc.sql("""
                        select track_id from history_track_stats where user_id = :user
                        order by plays - skips desc, last_played_at desc, track_id
                        limit :k""").param("user", user).param("k", k).query(Long.class).list();
    }

    /** The first artist's name of each track, lower-cased as the evaluation compares names. */
    Map<Long, String> firstArtists(List<Long> tracks) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("""
                        select a.track_id, lower(ar.name) from catalog_track_artists a
                        join catalog_artists ar on ar.id = a.artist_id
                        where a.track_id = any(:ids) and a.position = 0""")
                .param("ids", tracks.toArray(Long[]::new))
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }
}
