package io.refrain.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 */
final class LoadRun {

    private final BenchOptions o;

    LoadRun(BenchOptions options) {
        this.o = options;
    }

    Path run() throws Exception {
        boolean knee = o.flag("knee");
        Path out = BenchMain.outDir(o, knee ? "knee" : "run");
        try (ServerUnderTest server = BenchMain.server(o, out)) {
            BenchDatabase db = BenchDatabase.locate(o.path("data-dir", "data"));
            Dataset dataset = Dataset.describe(db);
            System.out.printf("bench: dataset %,d tracks, %,d users, %,d listens, %.0f MB%n", dataset.tracks(),
                    dataset.users(), dataset.listens(), dataset.databaseMb());
            Population population = Population.sample(db, server.baseUrl(), o.integer("samples", 200),
                    o.number("seed", 0.42));
            System.out.printf("bench: %d listeners logged in (%d sparse), %d playlists%n", population.listeners().size(),
                    population.sparseCount(), population.playlists());

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
                    settings(population), phases, kneeResult, null, null,
                    Targets.fromLoad(phases, kneeResult), notes());
            report.write(out);
            return out;
        }
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
        s.put("options", o.values());
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
                "recently-played-sparse is recently-played asked by sparse users (10 % of the population).");
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format("%.1f", rate);
    }
}
