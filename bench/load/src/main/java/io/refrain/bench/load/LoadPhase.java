package io.refrain.bench.load;

import java.time.Duration;
import java.util.Set;

/**
 * One Gatling run, handed to the simulation class Gatling instantiates (Gatling builds it by
 * reflection, so the plan travels through this holder, set by the runner just before).
 *
 * @param ratePerSecond open model: HTTP requests per second to offer (visits arrive as a Poisson
 *                      process at the rate that yields it); ignored when {@code concurrency > 0}
 * @param concurrency   closed model (ceiling): this many clients back to back, no think time
 * @param endpoints     the endpoints to pick from (all: the mixed workload; one: a ceiling run)
 * @param thinkTime     mean pause between a visitor's requests (exponential), open model only
 * @param delay         open model: the load starts this long after the phase (overload: the probe's baseline)
 * @param probe         a second, light open-model load alongside, measured apart (overload runs); or null
 */
public record LoadPhase(String baseUrl, Population population, double ratePerSecond, int concurrency,
                        Duration duration, Set<Endpoint> endpoints, Duration thinkTime, int picksPerVisit,
                        Measurements measurements, Duration delay, Probe probe) {

    public LoadPhase(String baseUrl, Population population, double ratePerSecond, int concurrency, Duration duration,
                     Set<Endpoint> endpoints, Duration thinkTime, int picksPerVisit, Measurements measurements) {
        this(baseUrl, population, ratePerSecond, concurrency, duration, endpoints, thinkTime, picksPerVisit,
                measurements, Duration.ZERO, null);
    }

    /**
     * A low steady rate of one-request visits from the phase's start for {@code duration}: it sees
     * the server as a user does before, during and after the main load.
     */
    public record Probe(double ratePerSecond, Duration duration, Measurements measurements) {
    }

    private static volatile LoadPhase current;

    static void set(LoadPhase phase) {
        current = phase;
    }

    static LoadPhase current() {
        LoadPhase phase = current;
        if (phase == null) {
            throw new IllegalStateException("no load phase set: run through ./refrain bench run");
        }
        return phase;
    }

    /** Visits per second that offer {@link #ratePerSecond} requests per second. */
    double visitsPerSecond() {
        return ratePerSecond / (picksPerVisit * Endpoint.requestsPerPick());
    }
}
