package io.refrain.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * Where the benchmark's database is: the embedded PostgreSQL of a data directory (its port is in
 * {@code pg/postmaster.pid} while the server runs; user and database {@code postgres}), or the
 * external one of {@code REFRAIN_DATABASE_URL} / {@code _USER} / {@code _PASSWORD}.
 */
public record BenchDatabase(String host, int port, String database, String user, String password) {

    public static BenchDatabase locate(Path dataDir) {
        String url = System.getenv("REFRAIN_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return fromUrl(url, System.getenv().getOrDefault("REFRAIN_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("REFRAIN_DATABASE_PASSWORD", ""));
        }
        Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pid);
            return new BenchDatabase("localhost", Integer.parseInt(lines.get(3).trim()), "postgres", "postgres", "");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no running embedded PostgreSQL in " + dataDir
                    + " (" + pid + " unreadable); is the server running on this data directory?", e);
        }
    }

    /** jdbc:postgresql://host[:port]/db[?…] */
    static BenchDatabase fromUrl(String url, String user, String password) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String db = rest.substring(rest.indexOf('/') + 1).replaceFirst("\\?.*$", "");
        int colon = hostPort.lastIndexOf(':');
        return colon < 0
                ? new BenchDatabase(hostPort, 5432, db, user, password)
                : new BenchDatabase(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), db,
                user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "refrain-bench");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** Connection arguments for pgbench / psql; the password goes through PGPASSWORD. */
    public List<String> libpqArgs() {
        return List.of("-h", host, "-p", String.valueOf(port), "-U", user, database);
    }
}
