package io.refrain.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings for a background job's set-based statements, for the current transaction only: the
 * server's statement timeout is for requests (30 s by default), a job's statement over a big
 * table may rightly take longer. The job's own limit still holds, so a statement that hangs does
 * not keep the job's cluster lock until its lockAtMostFor.
 */
public final class JobSession {

    /** Long enough for any set-based statement of a job on the largest dataset measured. */
    public static final String STATEMENT_TIMEOUT = "15min";

    private JobSession() {}

    public static void apply(JdbcClient jdbc) {
        jdbc.sql("set local statement_timeout = '" + STATEMENT_TIMEOUT + "'").update();
        jdbc.sql("set local work_mem = '64MB'").update();
    }
}
