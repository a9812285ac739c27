package io.refrain.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Settings for the big set-based statements of a bulk load (the modules' {@code Bulk*} APIs), for the current transaction only. */
public final class BulkSession {

    private BulkSession() {}

    /**
     * No statement timeout (the server's limit is for requests, one statement here writes
     * millions of rows), more memory for sorts and hashes, and a larger GIN pending list so the
     * catalog's trigram indexes are updated in bulk rather than per row.
     */
    public static void apply(JdbcClient jdbc) {
        jdbc.sql("set local statement_timeout = 0").update();
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
    }
}
