package io.refrain.library;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The user's library data version (V015 {@code library_data_versions}, published to other modules
 * as the view {@code library_versions}): it goes up with every write that changes the user's
 * library, in that write's transaction, so a reader that remembers the version it built something
 * from (a smart playlist's membership) knows when to build it again. The services call
 * {@link #bump} after each write that changed a row; a write that changed nothing leaves it.
 */
@Repository
class LibraryVersionRepository {

    private final JdbcClient jdbc;

    LibraryVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void bump(UUID userId) {
        jdbc.sql("""
                        insert into library_data_versions as v (user_id, version) values (:user, 1)
                        on conflict (user_id) do update set version = v.version + 1""").param("user", userId).update();
    }
}
