package io.refrain.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./refrain bench run}: the mixed workload at a fixed offered rate for {@code --duration}
 * (default 150 requests/s for 60 s), or with {@code --knee} at rising rates ({@code --start-rate},
 * {@code --step}, {@code --level} each) until a level's p99 passes {@code --p99-limit} (25 ms), an
 * error occurs or the server answers less than 90 % of the offered rate (once visits are in full
 * swing). Both begin with a warm-up phase
 * (JIT, caches, connection pool) that is not reported.
 * With {@code --overload}: a light probe ({@code --probe-rate}, 10/s) alone for {@code --baseline}
 * (15 s), then on top of it {@code --rate} (default twice {@code --knee-rate}, itself 100/s) for
 * {@code --duration} (30 s), then the probe alone again for {@code --recovery} (30 s): accepted and
 * refused rates, the latency of what was accepted, and how soon the probe is back to normal
 * ({@link OverloadResult}).
 */
final class LoadRun {

    private final BenchOptions o;

    LoadRun(BenchOptions options) {
        this.o = options;
    }

    Path run() throws Exception {
        boolean knee = o.flag("knee");
        boolean overload = o.flag("overload");
        if (knee && overload) {
            throw new IllegalArgumentException("--knee and --overload are two different runs; pick one");
        }
        Path out = BenchMain.outDir(o, knee ? "knee" : overload ? "overload" : "run");
        try (ServerUnderTest server = BenchMain.server(o, out)) {
            BenchDatabase db = BenchDatabase.locate(o.path("data-dir", "data"));
            Dataset dataset = Dataset.describe(db);
            System.out.printf("bench: dataset %,d tracks, %,d users, %,d listens, %.0f MB%n", dataset.tracks(),
                    dataset.users(), dataset.listens(), dataset.databaseMb());
            Population population = Population.sample(db, server.baseUrl(), o.integer("samples", 200),
                    o.number("seed", 0.42));
            System.out.printf("bench: %d listeners logged in (%d sparse), %d playlists%n", population.listeners().size(),
                    population.sparseCount(), population.playlists());

            if (overload) {
                return runOverload(server, dataset, population, out);
            }
            double rate = o.number("rate", 150);
            double start = o.number("start-rate", 100);
            Duration warmup = o.duration("warmup", Duration.ofSeconds(15));
            if (!warmup.isZero()) {
                System.out.println("bench: warm-up " + warmup.toSeconds() + " s (not reported)");
                BenchMain.phase("warm-up", BenchMain.mixed(o, server, population, knee ? start : rate, warmup), server, out);
            }
            List<PhaseResult> phases = new ArrayList<>();
            Report.Knee kneeResult = null;
            if (knee) {
                kneeResult = findKnee(server, population, out, phases, start);
            } else {
                Duration duration = o.duration("duration", Duration.ofSeconds(60));
                phases.add(report(BenchMain.phase("fixed-rate " + fmt(rate) + "/s",
                        BenchMain.mixed(o, server, population, rate, duration), server, out)));
            }
            Report report = new Report(knee ? "knee" : "fixed-rate", Instant.now().toString(), Report.Machine.current(),
                    new Report.Server(server.baseUrl(), server.heap(), server.startedByBench()), dataset,
                    settings(population), phases, kneeResult, null, null, null,
                    Targets.fromLoad(phases, kneeResult), notes());
            report.write(out);
            return out;
        }
    }

    private Path runOverload(ServerUnderTest server, Dataset dataset, Population population, Path out) throws Exception {
        double kneeRate = o.number("knee-rate", 100);
        double rate = o.values().containsKey("rate") ? o.number("rate", 0) : 2 * kneeRate;
        double probeRate = o.number("probe-rate", 10);
        Duration baseline = o.duration("baseline", Duration.ofSeconds(15));
        Duration duration = o.duration("duration", Duration.ofSeconds(30));
        Duration recovery = o.duration("recovery", Duration.ofSeconds(30));
        if (baseline.toSeconds() < OverloadResult.WINDOW_SECONDS || recovery.toSeconds() < OverloadResult.WINDOW_SECONDS) {
            throw new IllegalArgumentException("--baseline and --recovery need at least " + OverloadResult.WINDOW_SECONDS + " s");
        }
        Duration warmup = o.duration("warmup", Duration.ofSeconds(15));
        if (!warmup.isZero()) {
            System.out.println("bench: warm-up " + warmup.toSeconds() + " s at " + fmt(kneeRate) + "/s (not reported)");
            BenchMain.phase("warm-up", BenchMain.mixed(o, server, population, kneeRate, warmup), server, out);
        }
        System.out.printf("bench: overload: probe %s/s alone for %d s, then %s/s on top for %d s, then the probe alone "
                + "for %d s%n", fmt(probeRate), baseline.toSeconds(), fmt(rate), duration.toSeconds(), recovery.toSeconds());
        Measurements load = new Measurements(true);
        Measurements probe = new Measurements(true);
        // one request per visit: when the injection stops, the load stops (no visits thinking on)
        LoadPhase phase = new LoadPhase(server.baseUrl(), population, rate, 0, duration, EnumSet.allOf(Endpoint.class),
                o.duration("think", Duration.ofSeconds(1)), 1, load, baseline,
                new LoadPhase.Probe(probeRate, baseline.plus(duration).plus(recovery), probe));
        PhaseResult p = report(BenchMain.phase("overload " + fmt(rate) + "/s", phase, server, out));
        OverloadResult result = OverloadResult.of(rate, probeRate, baseline.toMillis() / 1000.0,
                duration.toMillis() / 1000.0, recovery.toMillis() / 1000.0, load.samples(), probe.samples());
        System.out.println("bench: " + result.verdict());
        System.out.printf("bench: probe p99: %.0f ms before, %.0f ms during, %.0f ms after (normal <= %.0f ms); "
                        + "refused during: %d of %d%n", result.probeBaseline().accepted().p99Ms(),
                result.probeDuring().accepted().p99Ms(), result.probeAfter().accepted().p99Ms(), result.normalP99Ms(),
                result.probeDuring().refused(), result.probeDuring().requests());
        Map<String, Object> settings = settings(population);
        settings.put("picksPerVisit", 1);
        settings.put("overload", Map.of("offeredRatePerSecond", rate, "kneeRatePerSecond", kneeRate,
                "probeRatePerSecond", probeRate, "baselineSeconds", baseline.toSeconds(),
                "overloadSeconds", duration.toSeconds(), "recoverySeconds", recovery.toSeconds()));
        List<String> notes = new ArrayList<>(notes());
        notes.add("Overload: every visit is one request (the mix's weights), so the load stops when its injection stops. "
                + "Accepted = 2xx/304; refused = 429/503; any other 5xx, a refusal without Retry-After or a missing "
                + "answer is a failure of the goal.");
        notes.add("Recovery: seconds from the end of the overload until every " + OverloadResult.WINDOW_SECONDS
                + " s window of the probe has no refusal or error and a p99 within max(2 × baseline p99, baseline p99 "
                + "+ 25 ms); the probe's rate is low, so its p99 is close to its maximum.");
        Report report = new Report("overload", Instant.now().toString(), Report.Machine.current(),
                new Report.Server(server.baseUrl(), server.heap(), server.startedByBench()), dataset, settings,
                List.of(p), null, null, null, result, Targets.fromOverload(result), notes);
        report.write(out);
        return out;
    }

    private Report.Knee findKnee(ServerUnderTest server, Population population, Path out, List<PhaseResult> phases,
                                 double start) throws Exception {
        double limit = o.duration("p99-limit", Duration.ofMillis(25)).toNanos() / 1e6;
        double step = o.number("step", 100);
        Duration level = o.duration("level", Duration.ofSeconds(20));
        int maxLevels = o.integer("max-levels", 30);
        Double lastGood = null;
        String verdict = "the highest level offered (" + fmt(start + step * (maxLevels - 1)) + "/s) still passed";
        for (int i = 0; i < maxLevels; i++) {
            double rate = start + step * i;
            PhaseResult p = report(BenchMain.phase("level " + fmt(rate) + "/s",
                    BenchMain.mixed(o, server, population, rate, level), server, out));
            phases.add(p);
            String failed = p.overall().p99Ms() > limit ? String.format("p99 %.1f ms > %.0f ms", p.overall().p99Ms(), limit)
                    : p.overall().errors() > 0 ? p.overall().errors() + " errors"
                    : p.achievedRatePerSecond() < 0.9 * rate ? String.format("served %.0f/s of %.0f/s offered",
                    p.achievedRatePerSecond(), rate) : null;
            if (failed != null) {
                verdict = "knee at " + (lastGood == null ? "below " + fmt(rate) : fmt(lastGood)) + " requests/s: the "
                        + fmt(rate) + "/s level failed (" + failed + ")";
                break;
            }
            lastGood = rate;
        }
        System.out.println("bench: " + verdict);
        return new Report.Knee(limit, lastGood, verdict);
    }

    private static PhaseResult report(PhaseResult p) {
        BenchMain.lines(p).forEach(System.out::println);
        return p;
    }

    private Map<String, Object> settings(Population population) {
        Map<String, Object> s = new LinkedHashMap<>();
        String gatling = io.gatling.app.Gatling.class.getPackage().getImplementationVersion();
        s.put("model", "open (Poisson arrivals of visits), Gatling " + (gatling == null ? "(bench/load/pom.xml)" : gatling));
        s.put("picksPerVisit", o.integer("picks", 5));
        s.put("thinkTimeMeanMs", o.duration("think", Duration.ofSeconds(1)).toMillis());
        s.put("listeners", population.listeners().size());
        s.put("sparseListeners", population.sparseCount());
        s.put("weights", weights());
        s.put("options", o.reported());
        return s;
    }

    static Map<String, Integer> weights() {
        Map<String, Integer> w = new LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            if (e.weight() > 0) {
                w.put(e.id(), e.weight());
            }
        }
        return w;
    }

    static List<String> notes() {
        return List.of(
                "Latency is Gatling's response time (request sent to last byte), in whole milliseconds.",
                "The load generator shares the machine with the server and PostgreSQL; its CPU is reported apart.",
                "CPU 'postgres' counts every process named postgres on the machine.",
                "recently-played-sparse is recently-played asked by sparse users (10 % of the population).",
                "recommendations-profile: every sampled listener's profile was computed and stored before the load "
                        + "(GET /api/v1/me/profile); a profile their listens make stale is answered at once and "
                        + "recomputed in the background.");
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format("%.1f", rate);
    }
}
