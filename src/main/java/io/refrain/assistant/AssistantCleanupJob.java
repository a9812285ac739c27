package io.refrain.assistant;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly: removes expired open conversations (completed ones stay in the user's history), audit
 * rows older than the retention, stored results of write tools older than a week (a retry comes
 * within minutes; a week is generous) and OAuth authorizations whose codes and tokens have all
 * expired. In batches, so no statement holds locks for long.
 */
@Component
class AssistantCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(AssistantCleanupJob.class);
    private static final int BATCH = 5_000;
    private static final Duration REQUEST_RESULTS_KEPT = Duration.ofDays(7);

    private final TasteConversations conversations;
    private final AuditRepository audit;
    private final RequestRepository requests;
    private final OAuthGrantsRepository grants;
    private final AssistantProperties settings;
    private final Clock clock;

    AssistantCleanupJob(
            TasteConversations conversations,
            AuditRepository audit,
            RequestRepository requests,
            OAuthGrantsRepository grants,
            AssistantProperties settings,
            Clock clock) {
        this.conversations = conversations;
        this.audit = audit;
        this.requests = requests;
        this.grants = grants;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${refrain.assistant.cleanup-cron}")
    @SchedulerLock(
            name = "assistant.cleanup",
            lockAtMostFor = "30m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduled() {
        run();
    }

    /** Runs one cleanup; answers the rows removed. */
    int run() {
        int removed = 0;
        for (int n; (n = conversations.removeExpired(BATCH)) > 0; ) {
            removed += n;
        }
        for (int n; (n = audit.deleteOlderThan(clock.instant().minus(settings.auditRetention()), BATCH)) > 0; ) {
            removed += n;
        }
        for (int n; (n = requests.deleteOlderThan(clock.instant().minus(REQUEST_RESULTS_KEPT), BATCH)) > 0; ) {
            removed += n;
        }
        for (int n; (n = grants.deleteSpent(clock.instant(), BATCH)) > 0; ) {
            removed += n;
        }
        if (removed > 0) {
            log.info("Assistant cleanup removed {} rows", removed);
        }
        return removed;
    }
}
