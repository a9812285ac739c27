package io.refrain.history.importer;

import io.refrain.history.HistoryProperties;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import whose process stopped (a crash, a restart, a stopped CLI import) never finishes:
 * once its {@link ImportHeartbeat} is older than {@link ImportHeartbeat#STALE_AFTER}, it is
 * marked failed (what it added stays and can be undone, or the file imported again, which adds
 * only what is missing). Checked when a server starts and every minute, on one server. Imports
 * that another live server or a CLI import is running keep their heartbeat fresh and are left
 * alone. Server only: a CLI command does not sweep.
 */
@Component
@ConditionalOnProperty(name = "refrain.cli", havingValue = "false", matchIfMissing = true)
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ListenImportRepository imports;
    private final Clock clock;

    // the settings are taken so that they are bound and validated before the scheduler reads the cron
    InterruptedImports(ListenImportRepository imports, Clock clock, HistoryProperties settings) {
        this.imports = imports;
        this.clock = clock;
    }

    /** A starting server checks at once (unlocked: one idempotent UPDATE), so imports stopped long ago show failed right away. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        markFailed();
    }

    /**
     * Every minute on one server. Held at most 5 minutes (one UPDATE; a dead holder must not
     * stop the check for long), at least {@code refrain.jobs.lock-at-least-for} (30 s by
     * default, below this job's one-minute interval) so a later-firing server skips the tick.
     */
    @Scheduled(cron = "${refrain.history.import.interrupted-check-cron}")
    @SchedulerLock(
            name = "history.interrupted-imports",
            lockAtMostFor = "5m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduledCheck() {
        markFailed();
    }

    /** Marks failed the running imports without a sign of life for {@link ImportHeartbeat#STALE_AFTER}; returns how many. */
    int markFailed() {
        Instant now = clock.instant();
        int marked = imports.failStale(
                now,
                now.minus(ImportHeartbeat.STALE_AFTER),
                "interrupted: the server or command "
                        + "running it stopped; what was added stays (undo it, or upload the file again: only what is missing is added)");
        if (marked > 0) {
            log.warn("Marked {} interrupted listen imports as failed", marked);
        }
        return marked;
    }
}
