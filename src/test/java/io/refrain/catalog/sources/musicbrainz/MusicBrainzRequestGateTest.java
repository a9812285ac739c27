package io.refrain.catalog.sources.musicbrainz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.refrain.catalog.sources.SourceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MusicBrainzRequestGateTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** Time that passes only when someone sleeps. */
    private static final class FakeTime implements RequestGate.Sleeper {
        final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - 1_500_000_000L); // wraps during the test
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        boolean advancesOnSleep = true;

        long now() {
            return nanos.get();
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            if (advancesOnSleep) {
                advance(duration);
            }
        }
    }

    @Test
    void callsInARowAreSpacedByTheMinimumInterval() {
        FakeTime time = new FakeTime();
        RequestGate gate = new RequestGate(SECOND, Duration.ofSeconds(10), time::now, time);
        long origin = time.now();

        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            gate.acquire();
            starts.add(time.now() - origin);
        }

        assertThat(starts).containsExactly(0L, 1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_000_000_000L);
        assertThat(time.sleeps).containsOnly(SECOND).hasSize(4); // the first call does not wait
    }

    @Test
    void aCallerWhoseTurnHasComeDoesNotWait() {
        FakeTime time = new FakeTime();
        RequestGate gate = new RequestGate(SECOND, Duration.ofSeconds(10), time::now, time);

        gate.acquire();
        time.advance(Duration.ofMillis(400)); // the request took a while
        gate.acquire(); // sleeps only the rest of the interval
        time.advance(Duration.ofSeconds(5)); // idle: no credit is saved up for a burst
        gate.acquire();
        gate.acquire();

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(600), SECOND);
    }

    @Test
    void callersQueuedAtOnceGetConsecutiveSlotsUntilTheMaxWait() {
        FakeTime time = new FakeTime();
        time.advancesOnSleep = false; // all callers arrive at the same instant, as if on parallel threads
        RequestGate gate = new RequestGate(SECOND, Duration.ofMillis(2_500), time::now, time);

        gate.acquire();
        gate.acquire();
        gate.acquire();

        assertThat(time.sleeps).containsExactly(SECOND, Duration.ofSeconds(2));
        assertThatThrownBy(gate::acquire)
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofSeconds(3)))
                .hasMessageContaining("max wait");
        assertThat(time.sleeps).hasSize(2); // refused at once, without waiting first

        // the refused caller took no slot: once a slot frees up, the next caller gets it
        time.advance(Duration.ofMillis(600));
        gate.acquire();
        assertThat(time.sleeps).last().isEqualTo(Duration.ofMillis(2_400));
    }

    @Test
    void aZeroIntervalNeverWaits() {
        FakeTime time = new FakeTime();
        RequestGate gate = new RequestGate(Duration.ZERO, Duration.ZERO, time::now, time);

        for (int i = 0; i < 3; i++) {
            gate.acquire();
        }

        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void anInterruptedWaitIsUnavailableAndKeepsTheInterrupt() {
        RequestGate gate = new RequestGate(SECOND, Duration.ofSeconds(10), System::nanoTime, duration -> {
            throw new InterruptedException();
        });
        gate.acquire();

        try {
            assertThatThrownBy(gate::acquire)
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted(); // clear it for the next test
        }
    }

    @Test
    void concurrentCallersNeverStartCloserThanTheInterval() throws Exception {
        Duration interval = Duration.ofMillis(100);
        Duration tolerance = Duration.ofMillis(20); // a thread woken late starts late; never early
        int callers = 5;
        RequestGate gate = new RequestGate(interval, Duration.ofSeconds(10));
        CountDownLatch ready = new CountDownLatch(callers);
        List<Future<Long>> starts = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                starts.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    gate.acquire();
                    return System.nanoTime();
                }));
            }
            List<Long> sorted = new ArrayList<>();
            for (Future<Long> start : starts) {
                sorted.add(start.get());
            }
            Collections.sort(sorted);

            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.ofNanos(sorted.get(i) - sorted.get(i - 1)))
                        .isGreaterThanOrEqualTo(interval.minus(tolerance));
            }
            assertThat(Duration.ofNanos(sorted.getLast() - sorted.getFirst()))
                    .isGreaterThanOrEqualTo(interval.multipliedBy(callers - 1).minus(tolerance));
        }
    }
}
