package io.refrain.platform.time;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/**
 * A Caffeine {@link Ticker} that reads the injected {@link Clock}, so a cache's expiry follows the
 * same "now" as the rest of the application and a test that moves its clock sees entries expire.
 * Every cache that expires entries builds with {@code .ticker(ClockTicker.of(clock))}.
 */
public final class ClockTicker implements Ticker {

    private final Clock clock;

    private ClockTicker(Clock clock) {
        this.clock = clock;
    }

    public static Ticker of(Clock clock) {
        return new ClockTicker(clock);
    }

    @Override
    public long read() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
