package io.refrain.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link DatabaseSize}. */
@Repository
class DatabaseSizeRepository {

    private final JdbcClient jdbc;

    DatabaseSizeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long bytes() {
        return jdbc.sql("select pg_database_size(current_database())")
                .query(Long.class)
                .single();
    }
}
