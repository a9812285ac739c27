package io.refrain.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link StaleEntryCleanup}. Stale means: made by a source connector, not
 * requested since {@code cutoff}, and requested fewer than {@code maxAccesses} times.
 */
@Repository
class StaleEntryRepository {

    private final JdbcClient jdbc;

    StaleEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next batch of stale track ids after {@code afterId}, ascending. */
    List<Long> candidates(Instant cutoff, long maxAccesses, long afterId, int batch) {
        return jdbc.sql("""
                        select t.id from tracks t left join track_access a on a.track_id = t.id
                        where t.origin = 'connector' and t.id > :after
                          and coalesce(a.last_accessed_at, t.created_at) < :cutoff
                          and coalesce(a.access_count, 0) < :maxAccesses
                        order by t.id limit :batch""")
                .param("after", afterId)
                .param("cutoff", Timestamp.from(cutoff))
                .param("maxAccesses", maxAccesses)
                .param("batch", batch)
                .query(Long.class)
                .list();
    }

    /** Deletes these tracks, re-checking staleness under the delete so a track read meanwhile stays. */
    int remove(List<Long> ids, Instant cutoff, long maxAccesses) {
        return jdbc.sql("""
                        delete from tracks t where t.id = any(:ids) and t.origin = 'connector'
                          and not exists (select 1 from track_access a where a.track_id = t.id
                                          and (a.last_accessed_at >= :cutoff or a.access_count >= :maxAccesses))""")
                .param("ids", ids.toArray(Long[]::new))
                .param("cutoff", Timestamp.from(cutoff))
                .param("maxAccesses", maxAccesses)
                .update();
    }

    /** Drops connector-made albums and artists left without tracks. */
    void removeOrphans() {
        jdbc.sql("""
                delete from albums al where al.origin = 'connector'
                  and not exists (select 1 from tracks t where t.album_id = al.id)""").update();
        jdbc.sql("""
                delete from artists a where a.origin = 'connector'
                  and not exists (select 1 from track_artists ta where ta.artist_id = a.id)
                  and not exists (select 1 from album_artists aa where aa.artist_id = a.id)""").update();
    }
}
