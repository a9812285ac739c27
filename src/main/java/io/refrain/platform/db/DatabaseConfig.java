package io.refrain.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.refrain.platform.config.RefrainProperties;
import java.util.Objects;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one connection pool: HikariCP against the external database named by
 * {@code REFRAIN_DATABASE_URL}, or against the embedded PostgreSQL in the data directory.
 * Every connection carries the configured statement timeout; statements slower than the
 * threshold are logged with their duration.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseConfig.class);

    /** The server takes the data directory; a tool command may attach to the server that holds it. */
    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(RefrainProperties properties) {
        return properties.cli()
                ? DataDirectory.openOrAttach(properties.dataDir())
                : DataDirectory.open(properties.dataDir());
    }

    /** Started only when no external database is configured; stopped after the pool closes. */
    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(RefrainProperties properties, DataDirectory dataDirectory) {
        RefrainProperties.Database db = properties.database();
        if (db.external()) {
            return new DatabaseServer(db.url(), db.user(), db.password(), null);
        }
        var running = dataDirectory.runningDatabaseUrl();
        if (running.isPresent()) {
            log.info("A Refrain server holds {}; using its database {}", dataDirectory.root(), running.get());
            return new DatabaseServer(running.get(), "postgres", "", null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(
                dataDirectory.resolve("pg"), EmbeddedDatabase.sharedBuffers(db.embeddedSharedBuffers()));
        dataDirectory.recordDatabase(embedded.jdbcUrl());
        return new DatabaseServer(embedded.jdbcUrl(), embedded.user(), "", embedded);
    }

    /**
     * Checked before the pool exists, so a database that would lose confirmed writes stops the start
     * before any migration or request; also the {@code durability} entry of {@code /actuator/health}.
     */
    @Bean
    DurabilityGuard durability(RefrainProperties properties, DatabaseServer server) {
        return DurabilityGuard.check(server, properties.database());
    }

    /**
     * The pool, wrapped for slow-statement logging; closing the wrapper closes the pool. Takes the
     * durability guard only so that the check has passed before the first pooled connection.
     */
    @Bean(destroyMethod = "close")
    ProxyDataSource dataSource(
            RefrainProperties properties,
            DatabaseServer server,
            DurabilityGuard durability,
            ObjectProvider<MeterRegistry> meterRegistry) {
        RefrainProperties.Database db = properties.database();
        HikariConfig config = new HikariConfig();
        config.setPoolName("refrain");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(Objects.requireNonNullElse(server.password(), ""));
        config.setMaximumPoolSize(db.poolSize());
        config.setMinimumIdle(Math.min(2, db.poolSize()));
        // short: under overload a request that cannot get a connection soon is better refused
        // (503, Retry-After) than kept waiting HikariCP's default 30 s
        config.setConnectionTimeout(db.connectionTimeout().toMillis());
        config.addDataSourceProperty(
                "options", "-c statement_timeout=" + db.statementTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "refrain");
        meterRegistry.ifAvailable(
                registry -> config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        return SlowStatementLog.wrap(new HikariDataSource(config), db.slowStatementThreshold());
    }
}
