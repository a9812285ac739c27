package io.refrain.catalog.sources;

/** The id given cannot be an id of this source (for MusicBrainz: not a UUID). */
public class InvalidSourceIdException extends RuntimeException {

    public InvalidSourceIdException(String message) {
        super(message);
    }
}
