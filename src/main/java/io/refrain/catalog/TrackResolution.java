package io.refrain.catalog;

import java.util.List;

/**
 * The catalog ids of a list of {@link TrackReference}s, in the same order.
 *
 * @param trackIds     the id of each reference; 0 where nothing matched (only when asked not to
 *                     create missing tracks, or for an unknown catalog id)
 * @param unknownIds   positions of references whose catalog id does not exist
 * @param created      new catalog tracks made for songs the catalog lacked
 * @param wouldCreate  distinct songs that would be created (when asked not to create them)
 */
public record TrackResolution(long[] trackIds, List<Integer> unknownIds, int created, int wouldCreate) {}
