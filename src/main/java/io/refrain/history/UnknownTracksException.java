package io.refrain.history;

import java.util.List;

/**
 * Some listens name a catalog track id that does not exist; nothing was stored. Raised by
 * {@link ListenIngestion} (only the database can tell); each door answers it in its own words.
 */
public class UnknownTracksException extends RuntimeException {

    /** The listen at {@code index} of the submitted list names {@code trackId}. */
    public record Unknown(int index, long trackId) {}

    private final List<Unknown> unknown;

    public UnknownTracksException(List<Unknown> unknown) {
        super("Some listens name catalog ids that do not exist; nothing was stored.");
        this.unknown = List.copyOf(unknown);
    }

    public List<Unknown> unknown() {
        return unknown;
    }
}
