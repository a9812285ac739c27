package io.refrain.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired codes and ended sessions in small batches. Safe to run on several nodes at
 * once: each batch is an independent idempotent delete.
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

    AccountsCleanupJob(CodeRepository codes, SessionRepository sessions, Clock clock) {
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
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
