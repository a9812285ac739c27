package io.refrain.timers;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of one timer, apart from storage: running until {@code endsAt}, or paused with
 * {@code pausedLeft} to go. Extending stacks onto what is left; pausing freezes it; resuming
 * continues from it. Only a running timer whose end is ahead authorises.
 */
record Timer(Instant endsAt, Duration pausedLeft) {

    Timer {
        if ((endsAt == null) == (pausedLeft == null)) {
            throw new IllegalArgumentException("a timer is either running or paused");
        }
    }

    static Timer running(Instant endsAt) {
        return new Timer(endsAt, null);
    }

    static Timer paused(Duration left) {
        return new Timer(null, left);
    }

    boolean paused() {
        return pausedLeft != null;
    }

    /** Whether it still holds: paused with time left, or running and not yet over. */
    boolean live(Instant now) {
        return paused() ? pausedLeft.isPositive() : endsAt.isAfter(now);
    }

    /** Whether the role authorises now: running, and not yet over. */
    boolean authorises(Instant now) {
        return !paused() && endsAt.isAfter(now);
    }

    Duration left(Instant now) {
        if (paused()) {
            return pausedLeft;
        }
        return endsAt.isAfter(now) ? Duration.between(now, endsAt) : Duration.ZERO;
    }

    Timer extend(Duration by, Instant now) {
        return paused() ? paused(pausedLeft.plus(by)) : running((endsAt.isAfter(now) ? endsAt : now).plus(by));
    }

    /** Paused with what was left; a timer in its last millisecond keeps that millisecond. */
    Timer pause(Instant now) {
        Duration left = left(now);
        return paused(
                left.compareTo(Duration.ofMillis(1)) < 0
                        ? Duration.ofMillis(1)
                        : left.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    Timer resume(Instant now) {
        return running(now.plus(pausedLeft));
    }
}
