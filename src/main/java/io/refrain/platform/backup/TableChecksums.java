package io.refrain.platform.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The row count and a checksum of every table of the {@code public} schema (each partition on
 * its own), read in one snapshot. The checksum is the sum of each row's md5 (its first 64 bits):
 * independent of row order and of the size of the table, so two copies compare table by table.
 */
public final class TableChecksums {

    public record Table(long rows, String checksum) {}

    private TableChecksums() {}

    /** Table name to count and checksum, in name order. */
    public static Map<String, Table> of(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind = 'r' order by c.relname""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, Table> result = new LinkedHashMap<>();
            for (String table : tables) {
                try (ResultSet rs =
                        statement.executeQuery("select count(*), coalesce(sum(('x' || substr(md5(t::text), 1, 16))"
                                + "::bit(64)::bigint::numeric), 0)::text from public." + table + " t")) {
                    rs.next();
                    result.put(table, new Table(rs.getLong(1), rs.getString(2)));
                }
            }
            connection.commit();
            return result;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
