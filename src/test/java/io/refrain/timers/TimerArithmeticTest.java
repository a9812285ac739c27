package io.refrain.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The timer against the simplest model of it: a number of seconds left and a paused flag, where
 * time passing takes seconds away only while running. Any sequence of extends, pauses, resumes
 * and waits leaves both agreeing on what is left and on whether the role authorises.
 */
class TimerArithmeticTest {

    sealed interface Step permits Wait, Extend, Pause, Resume {}

    record Wait(long seconds) implements Step {}

    record Extend(long seconds) implements Step {}

    record Pause() implements Step {}

    record Resume() implements Step {}

    @Property(tries = 500)
    void theTimerAgreesWithTheModel(@ForAll("grants") long granted, @ForAll("steps") List<Step> steps) {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Timer timer = Timer.running(now.plusSeconds(granted));
        long left = granted;
        boolean paused = false;
        for (Step step : steps) {
            switch (step) {
                case Wait w -> {
                    now = now.plusSeconds(w.seconds());
                    if (!paused) {
                        left = Math.max(0, left - w.seconds());
                    }
                }
                case Extend e -> {
                    if (left > 0) {
                        timer = timer.extend(Duration.ofSeconds(e.seconds()), now);
                        left += e.seconds();
                    }
                }
                case Pause p -> {
                    if (!paused && left > 0) {
                        timer = timer.pause(now);
                        paused = true;
                    }
                }
                case Resume r -> {
                    if (paused) {
                        timer = timer.resume(now);
                        paused = false;
                    }
                }
            }
            assertThat(timer.left(now)).isEqualTo(Duration.ofSeconds(left));
            assertThat(timer.paused()).isEqualTo(paused);
            assertThat(timer.authorises(now)).isEqualTo(!paused && left > 0);
            assertThat(timer.live(now)).isEqualTo(left > 0);
        }
    }

    @Provide
    Arbitrary<Long> grants() {
        return Arbitraries.longs().between(1, 100_000);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 50_000).map(Wait::new),
                Arbitraries.longs().between(1, 50_000).map(Extend::new),
                Arbitraries.just(new Pause()),
                Arbitraries.just(new Resume()));
        return step.list().ofMaxSize(30);
    }

    @Property(tries = 100)
    void aPausedTimerInItsLastMillisecondKeepsIt(@ForAll("grants") long granted) {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Timer timer = Timer.running(start.plusSeconds(granted))
                .pause(start.plusSeconds(granted).minusNanos(1000));
        assertThat(timer.left(start)).isEqualTo(Duration.ofMillis(1));
        assertThat(timer.live(start)).isTrue();
    }
}
