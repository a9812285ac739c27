package io.refrain.history.listenbrainz;

import io.refrain.history.ListenInput;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A validated submission: the listens to store, or for {@code playing_now} the announced track
 * (kept as sent, since it is shown back as sent) and its length when known.
 */
record Submission(Type type, List<ListenInput> listens, JsonNode playingNow, Integer playingNowDurationMs) {

    enum Type {
        SINGLE("single"),
        IMPORT("import"),
        PLAYING_NOW("playing_now");

        final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        static Type of(String wire) {
            for (Type type : values()) {
                if (type.wire.equals(wire)) {
                    return type;
                }
            }
            return null;
        }
    }
}
