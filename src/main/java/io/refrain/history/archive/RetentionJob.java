package io.refrain.history.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention policy once a day (server only, see SchedulingConfig): archives the
 * months wholly older than {@link ArchiveSettings#retentionMonths()}; 0 keeps everything.
 * Runs after the partition job so it never races it for the list of months.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final ArchiveSettings settings;
    private final ListenArchiver archiver;

    RetentionJob(ArchiveSettings settings, ListenArchiver archiver) {
        this.settings = settings;
        this.archiver = archiver;
    }

    @Scheduled(cron = "${refrain.history.archive-cron:0 47 3 * * *}", zone = "UTC")
    void run() {
        if (settings.retentionMonths() == 0) {
            return;
        }
        try {
            var outcomes = archiver.archiveOlderThan(settings.retentionMonths(), false, outcome -> { });
            long archived = outcomes.stream().filter(o -> o.status() == ListenArchiver.Status.ARCHIVED).count();
            if (archived > 0) {
                log.info("Retention: archived {} month(s) of listens older than {} months", archived, settings.retentionMonths());
            }
        } catch (RuntimeException e) {
            log.error("Retention: archiving listens failed; nothing of the failed month was dropped", e);
        }
    }
}
