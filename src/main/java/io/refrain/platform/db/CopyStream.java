package io.refrain.platform.db;

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
 * nothing is stored. For the bulk loads of datasets (the {@code *Repository} classes behind the
 * modules' {@code Bulk*} APIs); the table and columns are theirs.
 */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    public CopyStream(DataSource dataSource, String table, String columns) throws SQLException {
        this.connection = dataSource.getConnection();
        try {
            // one transaction without the server's statement timeout: a copy of millions of rows takes minutes
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local statement_timeout = 0");
            }
            this.copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The buffer to append one CSV line to (text that may need quoting goes through {@link #field}); call {@link #endRow()} after it. */
    public StringBuilder line() {
        return buffer;
    }

    /** Appends a text field to the current line, quoted only when CSV needs it (a comma, quote or line break; empty, which would read as null). */
    public CopyStream field(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        if (plain) {
            buffer.append(value);
        } else {
            buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    public long rows() {
        return rows;
    }

    public long finish() throws SQLException {
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
