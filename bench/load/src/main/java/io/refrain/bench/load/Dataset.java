package io.refrain.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** What the database under test holds, for the report's header (listens from the per-user totals). */
public record Dataset(long tracks, long users, long benchUsers, long listens, double databaseMb, String postgresVersion) {

    static Dataset describe(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select (select count(*) from tracks),
                            (select count(*) from users),
                            (select count(*) from users where email like 'bench-user-%@refrain.bench'),
                            (select coalesce(sum(plays), 0) from listen_totals),
                            pg_database_size(current_database()) / 1048576.0,
                            current_setting('server_version')""")) {
            rs.next();
            return new Dataset(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5), rs.getString(6));
        }
    }
}
