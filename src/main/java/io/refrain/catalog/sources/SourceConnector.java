package io.refrain.catalog.sources;

import java.util.Optional;

/**
 * Looks up a track in an external source (MusicBrainz, Spotify, …) by that source's id.
 * Implementations respect the source's rate rules, time out, and report a source that is down
 * as {@link SourceUnavailableException} (never as "not found").
 */
public interface SourceConnector {

    /** The provider name used in external ids, e.g. {@code musicbrainz}. */
    String provider();

    /**
     * The one spelling of an id under which the catalog stores it (for MusicBrainz: lower case),
     * so that the same id written differently is found, not fetched again.
     */
    default String canonicalId(String externalId) {
        return externalId;
    }

    /**
     * The track with this id in the source, or empty when the source says it does not exist.
     *
     * @throws InvalidSourceIdException when the id cannot be an id of this source
     * @throws SourceUnavailableException when the source cannot answer now (down, timeout, refusing us)
     */
    Optional<SourceTrack> fetchTrack(String externalId);
}
