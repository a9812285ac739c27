package io.refrain.history.archive;

import io.refrain.history.HistoryProperties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention policy once a day, on one server (see SchedulingConfig): archives the
 * months wholly older than {@link HistoryProperties.Archive#retentionMonths()}; 0 keeps everything.
 * Runs after the partition job so it never races it for the list of months.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final HistoryProperties.Archive settings;
    private final ListenArchiver archiver;

    RetentionJob(HistoryProperties history, ListenArchiver archiver) {
        this.settings = history.archive();
        this.archiver = archiver;
    }

    /**
     * Once across all servers: two archivers working on the same month would race for its file
     * and its partition. Archiving writes a whole month of listens to a file, which can take a
     * long time on a large instance, so the lock is held up to 12 hours (a run never overlaps
     * another), and a server that dies mid-run still frees it before the next day's tick. Held
     * at least {@code refrain.jobs.lock-at-least-for} so a later-firing server does not repeat
     * the tick.
     */
    @Scheduled(cron = "${refrain.history.archive.cron}", zone = "UTC")
    @SchedulerLock(
            name = "history.retention",
            lockAtMostFor = "12h",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void run() {
        if (settings.retentionMonths() == 0) {
            return;
        }
        try {
            var outcomes = archiver.archiveOlderThan(settings.retentionMonths(), false, outcome -> {});
            long archived = outcomes.stream()
                    .filter(o -> o.status() == ListenArchiver.Status.ARCHIVED)
                    .count();
            if (archived > 0) {
                log.info(
                        "Retention: archived {} month(s) of listens older than {} months",
                        archived,
                        settings.retentionMonths());
            }
        } catch (RuntimeException e) {
            log.error("Retention: archiving listens failed; nothing of the failed month was dropped", e);
        }
    }
}
