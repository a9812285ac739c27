package io.refrain.history;

import io.refrain.catalog.TrackUsage;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A track anyone has listened to is in use: the stale-entry cleanup keeps it. */
@Component
class HistoryTrackUsage implements TrackUsage {

    private final JdbcClient jdbc;

    HistoryTrackUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        if (trackIds.isEmpty()) {
            return Set.of();
        }
        // listen_stats_tracks has a row for every (user, track) with a listen, and a track index
        return new HashSet<>(jdbc.sql("select distinct track_id from listen_stats_tracks where track_id = any(:ids)")
                .param("ids", List.copyOf(trackIds).toArray(Long[]::new)).query(Long.class).list());
    }
}
