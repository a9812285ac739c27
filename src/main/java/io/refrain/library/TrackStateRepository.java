package io.refrain.library;

import io.refrain.catalog.TrackView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-track questions the catalog asks of the library: a user's state of tracks, and which tracks are in use. */
@Repository
class TrackStateRepository {

    private final JdbcClient jdbc;

    TrackStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Saved, rating and loved of those of the tracks with any of them, in one statement: three
     * primary-key probes per asked id, so the cost follows the page size, never the size of the
     * user's library (a join would read all of the user's ratings). Rows without state are
     * dropped here rather than by a SQL filter, which would evaluate the probes twice.
     */
    Map<Long, TrackView.Personal> states(UUID userId, List<Long> trackIds) {
        Map<Long, TrackView.Personal> states = new HashMap<>();
        jdbc.sql("""
                        select u.id,
                               exists (select 1 from saved_tracks s where s.user_id = :user and s.track_id = u.id) as saved,
                               (select r.rating from track_ratings r where r.user_id = :user and r.track_id = u.id) as rating,
                               exists (select 1 from loved_tracks l where l.user_id = :user and l.track_id = u.id) as loved
                        from unnest(:ids::bigint[]) u(id)""").param("user", userId).param("ids", Batch.array(trackIds)).query(rs -> {
            var rating = rs.getBigDecimal("rating");
            if (!rs.getBoolean("saved") && !rs.getBoolean("loved") && rating == null) {
                return; // no state: the caller's default
            }
            states.put(
                    rs.getLong("id"),
                    new TrackView.Personal(
                            rs.getBoolean("saved"),
                            rating == null ? null : rating.doubleValue(),
                            rs.getBoolean("loved")));
        });
        return states;
    }

    /** Those of the tracks that anyone has saved, rated, loved or tagged (one statement). */
    Set<Long> inUse(List<Long> trackIds) {
        return new HashSet<>(jdbc.sql("""
                        select u.id from unnest(:ids::bigint[]) u(id)
                        where exists (select 1 from saved_tracks s where s.track_id = u.id)
                           or exists (select 1 from track_ratings r where r.track_id = u.id)
                           or exists (select 1 from loved_tracks l where l.track_id = u.id)
                           or exists (select 1 from tagged_tracks t where t.track_id = u.id)""")
                .param("ids", Batch.array(trackIds))
                .query(Long.class)
                .list());
    }
}
