package io.refrain.history;

import io.refrain.catalog.TrackUsage;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A track anyone has listened to is in use: the stale-entry cleanup keeps it. */
@Component
class HistoryTrackUsage implements TrackUsage {

    private final ListenReader reader;

    HistoryTrackUsage(ListenReader reader) {
        this.reader = reader;
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Set.of() : reader.listenedTo(trackIds);
    }
}
