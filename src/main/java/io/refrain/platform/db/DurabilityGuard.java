package io.refrain.platform.db;

import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.config.StartupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reads the durability settings of whatever database Refrain uses, once at start-up, and refuses
 * to start when one gives durability away, unless the operator said so with
 * {@code REFRAIN_ALLOW_UNSAFE_DURABILITY=true}; then every start logs a warning and
 * {@code /actuator/health} shows it under {@code durability}.
 */
public final class DurabilityGuard implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DurabilityGuard.class);

    private final DurabilitySettings settings;
    private final boolean allowedUnsafe;

    private DurabilityGuard(DurabilitySettings settings, boolean allowedUnsafe) {
        this.settings = settings;
        this.allowedUnsafe = allowedUnsafe;
    }

    /** Reads the settings over a connection of its own, before the pool or the migrations touch anything. */
    static DurabilityGuard check(DatabaseServer server, RefrainProperties.Database database) {
        DurabilitySettings settings = read(server);
        boolean allowUnsafe = database.allowUnsafeDurability();
        if (!settings.safe()) {
            String found = settings.unsafe().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", "));
            if (!allowUnsafe) {
                throw new StartupException(
                        "The database runs with " + found + ": writes Refrain confirms "
                                + "could be lost in a crash of the database or the machine.",
                        "Turn it back on where it was turned off: postgresql.conf or ALTER SYSTEM (then reload), "
                                + "or ALTER ROLE / ALTER DATABASE ... RESET for a role's or database's setting. If losing the "
                                + "last confirmed writes in a crash is acceptable here, start with "
                                + "REFRAIN_ALLOW_UNSAFE_DURABILITY=true.");
            }
            log.warn(
                    "DURABILITY IS OFF: the database runs with {}; confirmed writes can be lost in a crash "
                            + "(allowed by REFRAIN_ALLOW_UNSAFE_DURABILITY=true)",
                    found);
        }
        return new DurabilityGuard(settings, allowUnsafe);
    }

    private static DurabilitySettings read(DatabaseServer server) {
        Map<String, String> values = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(
                        server.url(), server.user(), Objects.requireNonNullElse(server.password(), ""));
                PreparedStatement statement =
                        connection.prepareStatement("select name, setting from pg_settings where name = any (?)")) {
            statement.setArray(1, connection.createArrayOf("text", DurabilitySettings.NAMES.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StartupException(
                    "Could not read the durability settings of the database at " + server.url() + ": " + e.getMessage(),
                    "Check that the database is running and REFRAIN_DATABASE_URL, "
                            + "REFRAIN_DATABASE_USER and REFRAIN_DATABASE_PASSWORD are right.");
        }
        return DurabilitySettings.of(values);
    }

    public DurabilitySettings settings() {
        return settings;
    }

    /** Up either way (the operator chose); the details say whether confirmed writes are durable. */
    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetails(settings.asMap()).withDetail("durable", settings.safe());
        if (!settings.safe()) {
            health.withDetail(
                    "warning",
                    "confirmed writes can be lost in a crash: "
                            + settings.unsafe().keySet() + " off, allowed by REFRAIN_ALLOW_UNSAFE_DURABILITY=true");
        }
        return health.withDetail("unsafeAllowed", allowedUnsafe).build();
    }
}
