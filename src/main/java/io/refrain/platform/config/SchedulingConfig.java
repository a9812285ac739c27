package io.refrain.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs run in the server only, never in a CLI command's short-lived context.
 *
 * <p>Every server on one database fires the same cron ticks; a job that does cluster-wide work
 * carries {@code @SchedulerLock}, so only the server that takes the job's row in the
 * {@code shedlock} table (V012__cluster_jobs) runs that tick, the others skip it. Lock times are taken from
 * the database's clock ({@code usingDbTime}), so the servers' clocks only have to agree on
 * when a tick fires, not on when a lock ends. Per-process jobs (flushing a server's own
 * in-memory counters) carry no lock and run on every server. See docs/reliability/jobs.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
// a job without its own lockAtMostFor: a server that dies mid-run frees its lock after 30 minutes
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@ConditionalOnProperty(name = "refrain.cli", havingValue = "false", matchIfMissing = true)
class SchedulingConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(serverName())
                .usingDbTime()
                .build());
    }

    /** Who holds a lock, as the shedlock table shows it: host and process id (several servers may share a host). */
    private static String serverName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
