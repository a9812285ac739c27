package io.refrain.timers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;

/**
 * Timers in bulk, for the benchmark: {@code count} timers spread over the given users — each user
 * first gets the three global roles, then dj roles in numbered bench parties — ending uniformly
 * within 30 days, one in ten paused. Written in statements of 100,000 rows; existing timers are
 * kept (an appended run adds what is missing).
 */
@Service
public class BulkTimers {

    private static final int CHUNK = 100_000;

    private final BulkTimerRepository timers;
    private final TimersProperties settings;

    BulkTimers(BulkTimerRepository timers, TimersProperties settings) {
        this.timers = timers;
        this.settings = settings;
    }

    /** Adds up to {@code count} timers over {@code users}; answers how many were added. */
    public long create(List<UUID> users, long count, long seed, Instant now, LongConsumer progress) {
        if (users.isEmpty() || count <= 0) {
            return 0;
        }
        long added = 0;
        for (long from = 0; from < count; from += CHUNK) {
            long to = Math.min(count, from + CHUNK);
            added += timers.insert(users, from, to, seed, settings.warningSeconds(), now);
            progress.accept(to);
        }
        return added;
    }

    public long count() {
        return timers.count();
    }
}
