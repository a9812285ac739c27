package io.refrain.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The numbers of one phase, as they go into the JSON report: per endpoint and overall throughput,
 * latency percentiles (ms) and the full percentile curve, answers by status; the per-second
 * series; what the machine spent.
 */
public record PhaseResult(String name, double offeredRatePerSecond, int concurrency, double durationSeconds,
                          double achievedRatePerSecond, Latency overall, List<EndpointResult> endpoints,
                          List<Measurements.SecondSample> seconds, Resources resources) {

    public record Latency(long requests, long errors, double meanMs, double p50Ms, double p95Ms, double p99Ms,
                          double p999Ms, double maxMs, List<double[]> percentileCurve) {

        static Latency of(Histogram h, long requests, long errors) {
            if (h.getTotalCount() == 0) {
                return new Latency(requests, errors, 0, 0, 0, 0, 0, 0, List.of());
            }
            List<double[]> curve = new ArrayList<>();
            for (double p : new double[] {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100}) {
                curve.add(new double[] {p, Measurements.millis(h.getValueAtPercentile(p))});
            }
            return new Latency(requests, errors, h.getMean() / 1000.0, ms(h, 50), ms(h, 95), ms(h, 99), ms(h, 99.9),
                    Measurements.millis(h.getMaxValue()), curve);
        }

        private static double ms(Histogram h, double p) {
            return Measurements.millis(h.getValueAtPercentile(p));
        }
    }

    public record EndpointResult(String endpoint, String request, double throughputPerSecond, Latency latency,
                                 Map<String, Long> statuses) {
    }

    /** Averages over the phase, in cores; GC of the server JVM; heap high-water mark. */
    public record Resources(double machineCores, double serverCores, double postgresCores,
                            double loadGeneratorCores, double heapMaxMb, long gcPauses, double gcPauseTotalMs,
                            double gcPauseMaxMs, List<ResourceSampler.Sample> samples) {
    }

    /**
     * @param seconds wall time of the whole phase (visits still running when injection stopped
     *                included); the achieved rate counts only the injection window
     */
    static PhaseResult of(String name, LoadPhase phase, Measurements m, ResourceSampler.Summary r, double seconds) {
        double achieved = steadyRate(phase, m);
        record Counted(Endpoint endpoint, Map<Integer, Long> statuses, long requests, long errors) {
        }
        List<Counted> counted = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            Map<Integer, Long> statuses = m.statuses(e);
            long requests = statuses.values().stream().mapToLong(Long::longValue).sum();
            long errors = statuses.entrySet().stream().filter(s -> Measurements.isError(s.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            if (requests > 0) {
                counted.add(new Counted(e, statuses, requests, errors));
            }
        }
        long allRequests = counted.stream().mapToLong(Counted::requests).sum();
        long allErrors = counted.stream().mapToLong(Counted::errors).sum();
        List<EndpointResult> endpoints = new ArrayList<>();
        for (Counted c : counted) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            c.statuses().forEach((s, n) -> byStatus.put(s == Measurements.NO_RESPONSE ? "no-response" : String.valueOf(s), n));
            // an endpoint's share of the achieved rate, so the endpoints add up to the whole
            endpoints.add(new EndpointResult(c.endpoint().id(), c.endpoint().request(), achieved * c.requests() / allRequests,
                    Latency.of(m.latency(c.endpoint()), c.requests(), c.errors()), byStatus));
        }
        List<ResourceSampler.Sample> samples = r.samples();
        return new PhaseResult(name, phase.concurrency() > 0 ? 0 : phase.ratePerSecond(), phase.concurrency(), seconds,
                achieved, Latency.of(m.overallLatency(), allRequests, allErrors), endpoints, m.seconds(),
                new Resources(avg(samples, ResourceSampler.Sample::machineCores), avg(samples, ResourceSampler.Sample::serverCores),
                        avg(samples, ResourceSampler.Sample::postgresCores), avg(samples, ResourceSampler.Sample::loadGeneratorCores),
                        r.heapMaxMb(), r.gcPauses(), r.gcPauseTotalMs(), r.gcPauseMaxMs(), samples));
    }

    /**
     * Answers per second once visits are in full swing: a visit's later requests come picks ×
     * think time after it arrived, so the first seconds of an open-model phase offer less than
     * the rate; they are left out (closed model: from the first second).
     */
    static double steadyRate(LoadPhase phase, Measurements m) {
        int duration = (int) Math.max(1, phase.duration().toSeconds());
        int delay = (int) phase.delay().toSeconds();
        int rampUp = phase.concurrency() > 0 ? 0
                : (int) Math.min(duration / 2, Math.ceil(phase.picksPerVisit() * phase.thinkTime().toMillis() / 1000.0));
        return (m.requestsInFirst(delay + duration) - m.requestsInFirst(delay + rampUp)) / (double) (duration - rampUp);
    }

    private static double avg(List<ResourceSampler.Sample> samples, java.util.function.ToDoubleFunction<ResourceSampler.Sample> f) {
        return samples.stream().mapToDouble(f).average().orElse(0);
    }

    EndpointResult endpoint(Endpoint e) {
        return endpoints.stream().filter(r -> r.endpoint().equals(e.id())).findFirst().orElse(null);
    }
}
