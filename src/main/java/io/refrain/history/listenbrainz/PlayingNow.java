package io.refrain.history.listenbrainz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.refrain.platform.time.ClockTicker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What each user is playing now, as last announced by a {@code playing_now} submission. It is
 * worth something for minutes only, so it lives in this process's memory, not in the database
 * (ListenBrainz keeps it in Redis the same way): it ends when the song would have ended, or after
 * ten minutes when its length is unknown, and it is lost on restart. Per node.
 */
@Component
class PlayingNow {

    /** ListenBrainz's PLAYING_NOW_MAX_DURATION: how long a song of unknown length is shown. */
    static final Duration UNKNOWN_LENGTH = Duration.ofMinutes(10);

    static final Duration LONGEST = Duration.ofHours(24);

    record Entry(JsonNode trackMetadata, Instant expiresAt) {}

    private final Cache<UUID, Entry> entries;
    private final Clock clock;

    PlayingNow(Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(LONGEST) // the exact end is checked on read against the same clock
                .ticker(ClockTicker.of(clock))
                .build();
    }

    void put(UUID userId, JsonNode trackMetadata, Integer durationMs) {
        Duration shown = durationMs == null || durationMs <= 0 ? UNKNOWN_LENGTH : Duration.ofMillis(durationMs);
        if (shown.compareTo(LONGEST) > 0) {
            shown = LONGEST;
        }
        entries.put(userId, new Entry(trackMetadata, clock.instant().plus(shown)));
    }

    Optional<JsonNode> get(UUID userId) {
        Entry entry = entries.getIfPresent(userId);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.trackMetadata());
    }
}
