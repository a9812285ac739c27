package io.refrain.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired codes and ended sessions in small batches, every hour on one server. Two
 * servers running it at once would still be correct (each batch is an independent idempotent
 * delete), only wasteful.
 */
@Component
class AccountsCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(AccountsCleanupJob.class);
    private static final int BATCH = 5_000;
    /** Ended sessions are kept a while so a reused refresh token is still recognised as reuse. */
    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final CodeRepository codes;
    private final SessionRepository sessions;
    private final Clock clock;

    // the settings are taken so that they are bound and validated before the scheduler reads the cron
    AccountsCleanupJob(CodeRepository codes, SessionRepository sessions, Clock clock, AccountsProperties settings) {
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A cron rather than a fixed delay, so every server fires the same tick and the lock makes
     * it one run (fixed delays start from each server's start and would not line up). Held at
     * most 30 minutes: a run is a few batched deletes taking seconds, and a server that dies
     * mid-run must not make the next hour's tick skip. Held at least
     * {@code refrain.jobs.lock-at-least-for} so a later-firing server does not repeat the tick.
     */
    @Scheduled(cron = "${refrain.accounts.cleanup-cron}")
    @SchedulerLock(
            name = "accounts.cleanup",
            lockAtMostFor = "30m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void run() {
        Instant now = clock.instant();
        long removedCodes = drain(() -> codes.deleteExpired(now, BATCH));
        long removedSessions = drain(() -> sessions.deleteEnded(now.minus(KEEP_ENDED), BATCH));
        if (removedCodes + removedSessions > 0) {
            log.info("Accounts cleanup removed {} expired codes and {} ended sessions", removedCodes, removedSessions);
        }
    }

    private static long drain(java.util.function.IntSupplier batch) {
        long total = 0;
        int n;
        do {
            n = batch.getAsInt();
            total += n;
        } while (n == BATCH);
        return total;
    }
}
