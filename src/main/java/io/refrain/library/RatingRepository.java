package io.refrain.library;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ratings of tracks, albums and artists, and loved tracks. */
@Repository
class RatingRepository {

    /** What marking a track loved did. */
    enum Loved {
        NOW,
        ALREADY,
        NO_SUCH_TRACK
    }

    private final JdbcClient jdbc;

    RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the user's rating of a catalog entry; false (and nothing written) when the catalog has
     * no such entry.
     */
    boolean rate(Rated kind, UUID userId, long id, BigDecimal rating, Instant at) {
        return jdbc.sql(kind.sql("""
                        insert into {table} (user_id, {column}, rating, rated_at)
                        select :user, c.id, :rating, :at from {catalog} c where c.id = :id
                        on conflict (user_id, {column}) do update set rating = excluded.rating, rated_at = excluded.rated_at"""))
                        .param("user", userId)
                        .param("id", id)
                        .param("rating", rating)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Removes the rating; false when there was none. */
    boolean unrate(Rated kind, UUID userId, long id) {
        return jdbc.sql(kind.sql("delete from {table} where user_id = :user and {column} = :id"))
                        .param("user", userId)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** The user's ratings of those of the ids rated. */
    Map<Long, Double> ratings(Rated kind, UUID userId, List<Long> ids) {
        Map<Long, Double> ratings = new HashMap<>();
        jdbc.sql(
                        kind.sql(
                                "select {column}, rating from {table} where user_id = :user and {column} = any(:ids::bigint[])"))
                .param("user", userId)
                .param("ids", Batch.array(ids))
                .query(rs -> {
                    ratings.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
                });
        return ratings;
    }

    /** Marks a track loved (keeping the first time). */
    Loved love(UUID userId, long trackId, Instant at) {
        int changed = jdbc.sql("""
                        insert into loved_tracks (user_id, track_id, loved_at)
                        select :user, t.id, :at from catalog_tracks t where t.id = :id
                        on conflict (user_id, track_id) do nothing""")
                .param("user", userId)
                .param("id", trackId)
                .param("at", Timestamp.from(at))
                .update();
        if (changed > 0) {
            return Loved.NOW;
        }
        return jdbc.sql("select exists (select 1 from catalog_tracks where id = :id)")
                        .param("id", trackId)
                        .query(Boolean.class)
                        .single()
                ? Loved.ALREADY
                : Loved.NO_SUCH_TRACK;
    }

    /** False when the track was not loved. */
    boolean unlove(UUID userId, long trackId) {
        return jdbc.sql("delete from loved_tracks where user_id = :user and track_id = :id")
                        .param("user", userId)
                        .param("id", trackId)
                        .update()
                > 0;
    }
}
