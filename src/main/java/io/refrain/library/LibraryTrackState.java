package io.refrain.library;

import io.refrain.catalog.TrackPersonalisation;
import io.refrain.catalog.TrackUsage;
import io.refrain.catalog.TrackView;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the catalog needs from libraries: the reader's saved / rating / loved state of every track
 * it shows (so ratings appear on catalog pages, search results and playlists alike), and which
 * tracks user data still points at (the stale-entry cleanup keeps those).
 */
@Component
class LibraryTrackState implements TrackPersonalisation, TrackUsage {

    private final TrackStateRepository states;

    LibraryTrackState(TrackStateRepository states) {
        this.states = states;
    }

    @Override
    public Map<Long, TrackView.Personal> of(UUID userId, Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Map.of() : states.states(userId, List.copyOf(trackIds));
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Set.of() : states.inUse(List.copyOf(trackIds));
    }
}
