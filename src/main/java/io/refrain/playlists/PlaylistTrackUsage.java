package io.refrain.playlists;

import io.refrain.catalog.TrackUsage;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tracks in any playlist are in use: the catalog's cleanup keeps them. */
@Component
class PlaylistTrackUsage implements TrackUsage {

    private final EntryRepository entries;

    PlaylistTrackUsage(EntryRepository entries) {
        this.entries = entries;
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Set.of() : new HashSet<>(entries.used(List.copyOf(trackIds)));
    }
}
