package io.refrain.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A track's external ids ({@code track_sources}), as the source lookup reads and adds them. */
@Repository
class TrackSourceRepository {

    private final JdbcClient jdbc;

    TrackSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The track holding this external id, if any. */
    Optional<Long> trackBySource(String provider, String externalId) {
        return jdbc.sql("select track_id from track_sources where provider = :p and external_id = :id")
                .param("p", provider)
                .param("id", externalId)
                .query(Long.class)
                .optional();
    }

    /** The first track holding one of these external ids of one provider (ISRCs of a recording). */
    Optional<Long> trackBySources(String provider, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select min(track_id) from track_sources where provider = :p and external_id = any(:ids)")
                .param("p", provider)
                .param("ids", externalIds.toArray(String[]::new))
                .query(Long.class)
                .optional();
    }

    /**
     * Serialises concurrent saves of the same external id across server instances, until the
     * transaction ends.
     */
    void lockSource(String provider, String externalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "track_source:" + provider + ":" + externalId)
                .query()
                .listOfRows();
    }

    /** Adds an external id to an existing track (a second source for the same song). */
    void addSource(long trackId, String provider, String externalId) {
        jdbc.sql(
                        "insert into track_sources (provider, external_id, track_id) values (:p, :id, :t) on conflict do nothing")
                .param("p", provider)
                .param("id", externalId)
                .param("t", trackId)
                .update();
    }
}
