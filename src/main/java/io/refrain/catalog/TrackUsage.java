package io.refrain.catalog;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by modules whose user data points at tracks (libraries, playlists, listens): the
 * stale-entry cleanup never removes a track one of them still uses.
 */
public interface TrackUsage {

    /** Those of the given track ids that this module's data references (one query for all). */
    Set<Long> inUse(Collection<Long> trackIds);
}
