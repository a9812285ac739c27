package io.refrain.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} (CSV) on a connection of its own: rows are appended to a buffer
 * that is shipped in large pieces, because per-row round trips or INSERTs would dominate a
 * load of millions of rows. {@link #finish()} commits; closing without it cancels the copy and
 * nothing is stored.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyStream(DataSource dataSource, String table, String columns) throws SQLException {
        this.connection = dataSource.getConnection();
        try {
            // one transaction without the server's statement timeout: a copy of millions of rows takes minutes
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local statement_timeout = 0");
            }
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The buffer to append one CSV line to (fields must need no quoting); call {@link #endRow()} after it. */
    StringBuilder line() {
        return buffer;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    long finish() throws SQLException {
        flush();
        long stored = copy.endCopy();
        connection.commit();
        return stored;
    }

    private void flush() throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback(); // after a commit this is a no-op
            }
        } finally {
            connection.setAutoCommit(true);
            connection.close();
        }
    }
}
