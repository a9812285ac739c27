package io.refrain.timers;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles a timer can hold. Global ones are granted by administrators; a scoped one is held in
 * one place (a {@code dj} in one party, scope {@code party:<id>}) and granted by whoever runs it.
 */
public enum Role {
    /** Edits catalog metadata and lyrics, accepts lyric proposals. */
    CURATOR(false),
    /** Moderates any party's chat. */
    MODERATOR(false),
    /** Raised personal limits and a badge others see. */
    SUPPORTER(false),
    /** Controls one party's playback and queue. */
    DJ(true);

    private final boolean scoped;

    Role(boolean scoped) {
        this.scoped = scoped;
    }

    public boolean scoped() {
        return scoped;
    }

    /** The name in the API and the database: lower case. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst();
    }
}
