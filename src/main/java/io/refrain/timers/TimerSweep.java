package io.refrain.timers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer.Sample;
import io.refrain.notifications.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code refrain.timers.sweep-interval} (30 s), on every server: expires the timers that ran
 * out, then sends the warnings that are due, a batch per transaction — the batch's change, its
 * audit rows and its notices commit together, so each happens exactly once. No cluster lock:
 * {@code SKIP LOCKED} lets several servers share a large sweep. Expiry is cleanup and telling:
 * a role stops authorising at its end whether or not the sweep has run.
 */
@Component
class TimerSweep {

    private static final Logger log = LoggerFactory.getLogger(TimerSweep.class);

    /** What one sweep did. */
    record Outcome(int expired, int warned) {}

    private final SweepRepository sweeps;
    private final Notifications notifications;
    private final TimersProperties settings;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    TimerSweep(
            SweepRepository sweeps,
            Notifications notifications,
            TimersProperties settings,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.sweeps = sweeps;
        this.notifications = notifications;
        this.settings = settings;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${refrain.timers.sweep-interval}",
            initialDelayString = "${refrain.timers.sweep-interval}")
    void scheduled() {
        run();
    }

    Outcome run() {
        Sample sample = io.micrometer.core.instrument.Timer.start(meters);
        Instant now = clock.instant();
        int batch = settings.sweepBatch();
        int expired = 0;
        for (int n = batch; n == batch; ) {
            n = transactions.execute(status -> {
                List<SweepRepository.Due> gone = sweeps.expire(now, batch);
                notifications.send(gone.stream().map(RoleNotices::expired).toList());
                return gone.size();
            });
            expired += n;
        }
        int warned = 0;
        Long[] offsets = settings.warningSeconds();
        for (int n = batch; n == batch; ) {
            n = transactions.execute(status -> {
                List<SweepRepository.Due> due = sweeps.warn(now, offsets, batch);
                notifications.send(
                        due.stream().map(d -> RoleNotices.expiring(d, now)).toList());
                return due.size();
            });
            warned += n;
        }
        sample.stop(meters.timer("refrain.timers.sweep"));
        meters.counter("refrain.timers.swept", "action", "expire").increment(expired);
        meters.counter("refrain.timers.swept", "action", "warn").increment(warned);
        if (expired + warned > 0) {
            log.info("Timer sweep: {} roles expired, {} warnings sent", expired, warned);
        }
        return new Outcome(expired, warned);
    }
}
