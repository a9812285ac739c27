package io.refrain.catalog.sources.musicbrainz;

import io.refrain.catalog.sources.SourceUnavailableException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Spaces the starts of requests to a source by at least a minimum interval, across threads.
 *
 * <p>Each caller reserves the next free start slot under a short fair lock, so slots go out in
 * arrival order, then sleeps until its slot (no polling). A caller whose slot would be more than
 * the max wait away is refused at once with {@link SourceUnavailableException}: failing fast beats
 * queueing a lookup nobody will wait for, and it keeps the queue from growing without bound.
 * Slots are exact; a thread woken late starts late, never early.
 */
final class RequestGate {

    /** Sleeps for a duration; tests pass one that moves a fake clock instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final long intervalNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock(true);
    private long nextSlot; // guarded by lock
    private boolean anySlotGiven; // guarded by lock; nanoTime has no fixed origin, so nextSlot means nothing before

    RequestGate(Duration minInterval, Duration maxWait) {
        this(minInterval, maxWait, System::nanoTime, Thread::sleep);
    }

    RequestGate(Duration minInterval, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = minInterval.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * Returns when the caller may start its request.
     *
     * @throws SourceUnavailableException when the turn is further away than the max wait (with that
     *                                    wait as retry-after), or when interrupted while waiting
     */
    void acquire() {
        long waitNanos = reserve();
        if (waitNanos <= 0) {
            return;
        }
        try {
            sleeper.sleep(Duration.ofNanos(waitNanos));
        } catch (InterruptedException e) {
            // The slot stays taken: a gap in the schedule is harmless, a request too early is not.
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting for a request slot", null, e);
        }
    }

    private long reserve() {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            // Compare by difference: nanoTime values may wrap around.
            long slot = anySlotGiven && nextSlot - now > 0 ? nextSlot : now;
            long waitNanos = slot - now;
            if (waitNanos > maxWaitNanos) {
                Duration wait = Duration.ofNanos(waitNanos);
                throw new SourceUnavailableException(
                        "too many requests queued: the next slot is " + wait.toMillis()
                                + " ms away, more than the max wait of "
                                + Duration.ofNanos(maxWaitNanos).toMillis() + " ms",
                        wait,
                        null);
            }
            nextSlot = slot + intervalNanos;
            anySlotGiven = true;
            return waitNanos;
        } finally {
            lock.unlock();
        }
    }
}
