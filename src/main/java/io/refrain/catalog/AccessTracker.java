package io.refrain.catalog;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final Clock clock;

    AccessTracker(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
    @Scheduled(fixedDelayString = "${refrain.catalog.access-flush-interval:PT10S}")
    @PreDestroy
    int flush() {
        List<Long> ids = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        List<String> lasts = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        // ascending ids: concurrent flushes of other servers lock the same rows in the same order
        for (Long id : pending.keySet().stream().sorted().toList()) {
            Counter c = pending.remove(id);
            if (c != null) {
                ids.add(id);
                firsts.add(c.first.toString());
                lasts.add(c.last.toString());
                counts.add(c.count);
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // one statement for the whole batch; tracks deleted meanwhile are skipped by the join
        jdbc.sql("""
                        insert into track_access as a (track_id, first_requested_at, last_accessed_at, access_count)
                        select u.id, u.first, u.last, u.n
                        from unnest(:ids::bigint[], :firsts::timestamptz[], :lasts::timestamptz[], :counts::bigint[])
                             as u(id, first, last, n)
                        join tracks t on t.id = u.id
                        order by u.id
                        on conflict (track_id) do update set
                            first_requested_at = least(a.first_requested_at, excluded.first_requested_at),
                            last_accessed_at = greatest(a.last_accessed_at, excluded.last_accessed_at),
                            access_count = a.access_count + excluded.access_count""")
                .param("ids", ids.toArray(Long[]::new))
                .param("firsts", firsts.toArray(String[]::new))
                .param("lasts", lasts.toArray(String[]::new))
                .param("counts", counts.toArray(Long[]::new))
                .update();
        return ids.size();
    }
}
