package io.refrain.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Supplies a user's own state of tracks (saved, rating, loved) so that every track a user sees
 * carries it. Implemented by the library module; the catalog only knows this interface.
 */
public interface TrackPersonalisation {

    /** The user's state of those of the given tracks that have any (one query for all). */
    Map<Long, TrackView.Personal> of(UUID userId, Collection<Long> trackIds);
}
