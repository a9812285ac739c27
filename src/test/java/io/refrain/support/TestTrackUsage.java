package io.refrain.support;

import io.refrain.catalog.TrackUsage;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Plays the part of user data pointing at tracks, for the stale-entry cleanup tests. */
public class TestTrackUsage implements TrackUsage {

    private final Set<Long> used = ConcurrentHashMap.newKeySet();

    public void markUsed(long trackId) {
        used.add(trackId);
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        return trackIds.stream().filter(used::contains).collect(Collectors.toSet());
    }
}
