package io.refrain.catalog;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts track reads in memory and writes the counters in one batched statement every few
 * seconds (and on shutdown), so a read never costs a write. Counts of a crash's last interval
 * are lost; that is acceptable for a cleanup heuristic.
 *
 * <p>Per process by nature: every server flushes its own counters (no cluster lock). Several
 * servers flushing at once is safe: the upsert adds to the stored count and keeps the latest
 * time, so no server's counts overwrite another's, and rows are written in track id order, so
 * two flushes touching the same tracks wait for each other instead of deadlocking.
 */
@Component
class AccessTracker {

    private static final class Counter {
        Instant first;
        Instant last;
        long count;
    }

    private final ConcurrentHashMap<Long, Counter> pending = new ConcurrentHashMap<>();
    private final TrackAccessRepository repository;
    private final Clock clock;

    AccessTracker(TrackAccessRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void record(Collection<Long> trackIds) {
        Instant now = clock.instant();
        for (Long id : trackIds) {
            pending.compute(id, (k, c) -> {
                Counter counter = c == null ? new Counter() : c;
                if (counter.first == null) {
                    counter.first = now;
                }
                counter.last = now;
                counter.count++;
                return counter;
            });
        }
    }

    /** Writes and clears the pending counters; returns how many tracks were written. */
    @Scheduled(fixedDelayString = "${refrain.catalog.access-flush-interval}")
    @PreDestroy
    int flush() {
        List<TrackAccessRepository.Counted> counted = new ArrayList<>();
        // ascending ids: concurrent flushes of other servers lock the same rows in the same order
        for (Long id : pending.keySet().stream().sorted().toList()) {
            Counter c = pending.remove(id);
            if (c != null) {
                counted.add(new TrackAccessRepository.Counted(id, c.first, c.last, c.count));
            }
        }
        if (counted.isEmpty()) {
            return 0;
        }
        repository.add(counted);
        return counted.size();
    }
}
