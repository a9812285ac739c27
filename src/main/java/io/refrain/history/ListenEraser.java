package io.refrain.history;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Removes an import's listens; {@link ListenIngestion#eraseImport} then rebuilds the user's
 * statistics from what is left ({@link ListenStatsRebuild}, the write path's definitions), so
 * they come out exactly as if the import had never happened. The caller holds the user's lock.
 */
@Repository
class ListenEraser {

    private final JdbcClient jdbc;

    ListenEraser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the listens of the import (within its span, so only those months are visited) and returns how many. */
    int eraseImport(UUID userId, long importId) {
        return jdbc.sql("""
                        delete from listens l
                        where l.user_id = :user and l.import_id = :import
                          and l.listened_at between (select first_listen from listen_imports where id = :import)
                                                and (select last_listen from listen_imports where id = :import)""").param("user", userId).param("import", importId).update();
    }
}
