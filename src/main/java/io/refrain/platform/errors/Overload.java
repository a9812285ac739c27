package io.refrain.platform.errors;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The answers of a server that is too busy right now: 503 with {@code Retry-After}, never a 500
 * (the request was fine; it may simply be sent again a little later). Three causes: the bound on
 * requests in flight is reached; a request waited {@code REFRAIN_DATABASE_CONNECTION_TIMEOUT}
 * for a database connection and got none (HikariCP's {@link SQLTransientConnectionException},
 * which Spring wraps in {@link CannotGetJdbcConnectionException} or a transaction exception); or
 * a statement ran into {@code REFRAIN_DATABASE_STATEMENT_TIMEOUT} (PostgreSQL's SQLSTATE 57014,
 * {@code query_canceled}), which on a busy server is the same shortage seen from inside.
 */
public final class Overload {

    /** Seconds a refused client is asked to wait: overload is measured in seconds, not minutes. */
    public static final long RETRY_AFTER_SECONDS = 1;

    private Overload() {}

    /** The bound on requests in flight is reached. */
    public static ProblemDetail busyProblem() {
        return problem("The server is busy with other requests. Try again in " + RETRY_AFTER_SECONDS + " second.");
    }

    /** No database connection came free in time, or a statement did not finish in time. */
    public static ProblemDetail databaseBusyProblem() {
        return problem("The server's database is too busy to answer in time. Try again in " + RETRY_AFTER_SECONDS
                + " second.");
    }

    /** The whole answer to {@link #isDatabaseBusy}: 503, {@code Retry-After}, the problem. */
    static ResponseEntity<ProblemDetail> databaseBusyAnswer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .body(databaseBusyProblem());
    }

    /** Whether {@code e} (or a cause of it) is a connection-pool wait or a statement that timed out. */
    public static boolean isDatabaseBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof CannotGetJdbcConnectionException
                    || t instanceof QueryTimeoutException
                    || t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's SQLSTATE for a statement cancelled by {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, detail);
        problem.setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
        return problem;
    }
}
