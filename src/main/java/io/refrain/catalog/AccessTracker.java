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
        for (Long id : List.copyOf(pending.keySet())) {
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
                        on conflict (track_id) do update set
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
