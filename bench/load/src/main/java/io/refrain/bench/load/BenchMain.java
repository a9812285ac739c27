package io.refrain.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code ./refrain bench run} (the mixed load: a fixed rate, or {@code --knee}) and
 * {@code ./refrain bench ceiling} (each endpoint through the API versus its SQL through pgbench,
 * and ingestion through the API versus COPY). Each writes {@code report.json} and a
 * self-contained {@code report.html} into {@code --out} (default {@code target/bench/<kind>-<time>}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("run", "ceiling").contains(args[0])) {
            System.err.println("usage: refrain bench run [--duration 60s] [--rate 300 | --knee | --overload [--knee-rate 100]] …  |  refrain bench ceiling …"
                    + " (see bench/README.md)");
            System.exit(2);
        }
        try {
            BenchOptions options = BenchOptions.parse(Arrays.asList(args).subList(1, args.length));
            Path report = args[0].equals("run") ? new LoadRun(options).run() : new CeilingRun(options).run();
            System.out.println("bench: report " + report.resolve("report.html") + " (and report.json)");
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("refrain bench: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("refrain bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The report folder: --out, or target/bench/<kind>-<timestamp> under the project. */
    static Path outDir(BenchOptions options, String kind) throws java.io.IOException {
        Path home = options.path("refrain-home", ".");
        Path dir = options.values().containsKey("out") ? options.path("out", ".")
                : home.resolve("target/bench/" + kind + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        return dir;
    }

    static ServerUnderTest server(BenchOptions options, Path out) throws Exception {
        if (options.values().containsKey("base-url")) {
            return ServerUnderTest.attach(options.string("base-url", ""));
        }
        return ServerUnderTest.start(options.path("refrain-home", "."), options.path("data-dir", "data"),
                options.integer("port", 8391), options.string("server-heap", "512m"), out.resolve("server.log"));
    }

    /**
     * Runs one Gatling phase in this JVM and measures it. Gatling is started through its own
     * entry point ({@code Gatling.fromArgs}, which returns instead of exiting), without its HTML
     * reports: ours are built from {@link Measurements}.
     */
    static PhaseResult phase(String name, LoadPhase phase, ServerUnderTest server, Path out) throws Exception {
        LoadPhase.set(phase);
        long start = System.nanoTime();
        try (ResourceSampler sampler = new ResourceSampler(phase.measurements(), server.baseUrl(), server.pid())) {
            int code = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "-s", LoadSimulation.class.getName(), "-rf", out.resolve("gatling").toString(), "-nr", "-rd", name});
            if (code != 0) {
                throw new IllegalStateException("Gatling ended with code " + code + " in phase " + name);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return PhaseResult.of(name, phase, phase.measurements(), sampler.summary(), seconds);
        }
    }

    static LoadPhase mixed(BenchOptions o, ServerUnderTest server, Population population, double rate, Duration duration) {
        return new LoadPhase(server.baseUrl(), population, rate, 0, duration, EnumSet.allOf(Endpoint.class),
                o.duration("think", Duration.ofSeconds(1)), o.integer("picks", 5), new Measurements());
    }

    static List<String> lines(PhaseResult p) {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-25s %9s %8s %8s %8s %8s %7s", p.name(), "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "errors"));
        for (PhaseResult.EndpointResult e : p.endpoints()) {
            out.add(String.format("  %-23s %9.1f %8.1f %8.1f %8.1f %8.1f %7d", e.endpoint(), e.throughputPerSecond(),
                    e.latency().p50Ms(), e.latency().p95Ms(), e.latency().p99Ms(), e.latency().maxMs(), e.latency().errors()));
        }
        out.add(String.format("  %-23s %9.1f %8.1f %8.1f %8.1f %8.1f %7d   (offered %.0f/s; CPU cores: machine %.2f, "
                        + "server %.2f, postgres %.2f, load generator %.2f; GC %d pauses, max %.1f ms; heap max %.0f MB)",
                "all", p.achievedRatePerSecond(), p.overall().p50Ms(), p.overall().p95Ms(), p.overall().p99Ms(),
                p.overall().maxMs(), p.overall().errors(), p.offeredRatePerSecond(), p.resources().machineCores(),
                p.resources().serverCores(), p.resources().postgresCores(), p.resources().loadGeneratorCores(),
                p.resources().gcPauses(), p.resources().gcPauseMaxMs(), p.resources().heapMaxMb()));
        return out;
    }
}
