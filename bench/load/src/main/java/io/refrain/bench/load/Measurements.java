package io.refrain.bench.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one load phase measured, fed by the simulation after every response: a latency histogram
 * per endpoint (HdrHistogram, microseconds, 3 significant digits), answers by status, and a
 * per-second series (requests, errors, p50 / p99) for the throughput-over-time chart. Thread-safe;
 * Gatling calls {@link #record} from its event loops.
 */
public final class Measurements {

    /** Status recorded when no response came back at all (connection refused, reset, timeout). */
    public static final int NO_RESPONSE = 0;
    private static final long HIGHEST_MICROS = 120_000_000L;
    private static final int MAX_SECONDS = 4 * 3600;

    // set when Gatling starts the simulation (its own start-up takes seconds that are not load)
    private volatile long startNanos = System.nanoTime();
    private volatile boolean started;
    private final Map<Endpoint, ConcurrentHistogram> latency = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Map<Integer, LongAdder>> statuses = new EnumMap<>(Endpoint.class);
    private final AtomicLongArray requestsPerSecond = new AtomicLongArray(MAX_SECONDS);
    private final AtomicLongArray errorsPerSecond = new AtomicLongArray(MAX_SECONDS);
    private final Recorder intervalLatency = new Recorder(HIGHEST_MICROS, 3);
    private final List<SecondSample> seconds = new ArrayList<>();
    private int secondsTaken;
    // every answer, kept only when asked (overload runs: accounting by time and by status)
    private final java.util.Queue<Sample> samples;

    public Measurements() {
        this(false);
    }

    /** @param keepSamples keep every answer ({@link #samples()}), not only the histograms and counters */
    public Measurements(boolean keepSamples) {
        this.samples = keepSamples ? new java.util.concurrent.ConcurrentLinkedQueue<>() : null;
        for (Endpoint e : Endpoint.values()) {
            latency.put(e, new ConcurrentHistogram(HIGHEST_MICROS, 3));
            statuses.put(e, new ConcurrentHashMap<>());
        }
    }

    /** Seconds count from here: called by the simulation's {@code before()} hook. */
    public void start() {
        startNanos = System.nanoTime();
        started = true;
    }

    public boolean started() {
        return started;
    }

    /** One answer (or its absence: {@link #NO_RESPONSE}); latency in microseconds. */
    public void record(Endpoint endpoint, int status, long latencyMicros) {
        record(endpoint, status, latencyMicros, false);
    }

    /** @param retryAfter whether the answer carried a {@code Retry-After} header */
    public void record(Endpoint endpoint, int status, long latencyMicros, boolean retryAfter) {
        if (samples != null) {
            samples.add(new Sample((System.nanoTime() - startNanos) / 1_000_000L, status,
                    Math.max(0, latencyMicros), retryAfter));
        }
        long micros = Math.max(0, Math.min(latencyMicros, HIGHEST_MICROS));
        if (status != NO_RESPONSE) {
            latency.get(endpoint).recordValue(micros);
            intervalLatency.recordValue(micros);
        }
        statuses.get(endpoint).computeIfAbsent(status, s -> new LongAdder()).increment();
        int second = second();
        if (second < MAX_SECONDS) {
            requestsPerSecond.incrementAndGet(second);
            if (isError(status)) {
                errorsPerSecond.incrementAndGet(second);
            }
        }
    }

    /** 2xx and 304 are answers; everything else, including no answer, is an error. */
    public static boolean isError(int status) {
        return status < 200 || (status >= 300 && status != 304);   // NO_RESPONSE (0) included
    }

    public int second() {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
    }

    /** Called once a second by the sampler: closes the latency interval of the second just ended. */
    synchronized void closeSecond() {
        if (secondsTaken >= second()) {
            return;   // the second is not over yet
        }
        Histogram h = intervalLatency.getIntervalHistogram();
        int s = secondsTaken++;
        long requests = s < MAX_SECONDS ? requestsPerSecond.get(s) : 0;
        long errors = s < MAX_SECONDS ? errorsPerSecond.get(s) : 0;
        seconds.add(new SecondSample(s, requests, errors,
                h.getTotalCount() == 0 ? 0 : millis(h.getValueAtPercentile(50)),
                h.getTotalCount() == 0 ? 0 : millis(h.getValueAtPercentile(99))));
    }

    /** Answers completed in the first {@code seconds} seconds (the injection window, without the drain). */
    public long requestsInFirst(int seconds) {
        long n = 0;
        for (int s = 0; s < Math.min(seconds, MAX_SECONDS); s++) {
            n += requestsPerSecond.get(s);
        }
        return n;
    }

    /** Every answer recorded, when kept (see {@link #Measurements(boolean)}); empty otherwise. */
    public List<Sample> samples() {
        return samples == null ? List.of() : List.copyOf(samples);
    }

    public synchronized List<SecondSample> seconds() {
        return List.copyOf(seconds);
    }

    public Histogram latency(Endpoint endpoint) {
        return latency.get(endpoint).copy();
    }

    public Histogram overallLatency() {
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        latency.values().forEach(h -> all.add(h.copy()));
        return all;
    }

    public Map<Integer, Long> statuses(Endpoint endpoint) {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.get(endpoint).forEach((status, n) -> out.put(status, n.sum()));
        return out;
    }

    static double millis(long micros) {
        return micros / 1000.0;
    }

    /**
     * One answer: when it came (milliseconds since the phase started), its status (0: none), its
     * latency and whether it said when to come back.
     */
    public record Sample(long atMillis, int status, long latencyMicros, boolean retryAfter) {
    }

    /** One second of the run: answers completed in it, errors, and its latency percentiles (ms). */
    public record SecondSample(int second, long requests, long errors, double p50Ms, double p99Ms) {
    }
}
