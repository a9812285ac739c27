package io.refrain.catalog;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-track access counters ({@code track_access}) that {@link AccessTracker} flushes. */
@Repository
class TrackAccessRepository {

    /** What one process counted for a track since its last flush. */
    record Counted(long trackId, Instant first, Instant last, long count) {}

    private final JdbcClient jdbc;

    TrackAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the counts to the stored ones and keeps the earliest first and latest last access;
     * one statement for the whole batch. Rows are written in the order given (callers sort by
     * track id, so concurrent flushes lock rows in one order); tracks deleted meanwhile are
     * skipped by the join.
     */
    void add(List<Counted> counted) {
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
                .param("ids", counted.stream().map(Counted::trackId).toArray(Long[]::new))
                .param("firsts", counted.stream().map(c -> c.first().toString()).toArray(String[]::new))
                .param("lasts", counted.stream().map(c -> c.last().toString()).toArray(String[]::new))
                .param("counts", counted.stream().map(Counted::count).toArray(Long[]::new))
                .update();
    }
}
