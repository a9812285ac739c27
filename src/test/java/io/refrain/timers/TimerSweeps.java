package io.refrain.timers;

import org.springframework.context.ApplicationContext;

/** Runs the timer sweep now, for tests of other modules (the sweep itself is package-private). */
public final class TimerSweeps {

    private TimerSweeps() {}

    /** One sweep; answers the roles expired and the warnings sent. */
    public static int[] run(ApplicationContext context) {
        var outcome = context.getBean(TimerSweep.class).run();
        return new int[] {outcome.expired(), outcome.warned()};
    }
}
