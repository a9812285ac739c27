package io.refrain.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./refrain bench ceiling}: for each endpoint, {@code --concurrency} clients (default 4)
 * back to back through the API for {@code --duration} (default 15 s), then pgbench running that
 * endpoint's statements with as many clients for as long; the report gives the API's throughput as
 * a share of the database's. Then ingestion: 1,000-listen batches through the API versus COPY.
 */
final class CeilingRun {

    private final BenchOptions o;

    CeilingRun(BenchOptions options) {
        this.o = options;
    }

    Path run() throws Exception {
        Path out = BenchMain.outDir(o, "ceiling");
        int clients = o.integer("concurrency", 4);
        Duration duration = o.duration("duration", Duration.ofSeconds(15));
        try (ServerUnderTest server = BenchMain.server(o, out)) {
            BenchDatabase db = BenchDatabase.locate(o.path("data-dir", "data"));
            Dataset dataset = Dataset.describe(db);
            Population population = Population.sample(db, server.baseUrl(), o.integer("samples", 200), o.number("seed", 0.42));
            System.out.printf("bench: %d listeners logged in; %d clients, %d s per endpoint and side%n",
                    population.listeners().size(), clients, duration.toSeconds());
            Duration warmup = o.duration("warmup", Duration.ofSeconds(15));
            if (!warmup.isZero()) {
                BenchMain.phase("warm-up", BenchMain.mixed(o, server, population, o.number("rate", 200), warmup), server, out);
            }
            PgbenchRunner pgbench = new PgbenchRunner(db, out);
            boolean hasPgbench = pgbench.available();
            List<PhaseResult> phases = new ArrayList<>();
            List<Report.CeilingResult> ceiling = new ArrayList<>();
            for (Endpoint e : endpoints()) {
                LoadPhase phase = new LoadPhase(server.baseUrl(), population, 0, clients, duration, EnumSet.of(e),
                        Duration.ZERO, 1, new Measurements());
                PhaseResult api = BenchMain.phase(e.id() + " (API, " + clients + " clients)", phase, server, out);
                phases.add(api);
                double apiP99 = e == Endpoint.RECENTLY_PLAYED ? api.overall().p99Ms() : api.endpoint(e).latency().p99Ms();
                Optional<Path> script = pgbench.script(e);
                Report.CeilingResult result;
                if (!hasPgbench || script.isEmpty()) {
                    result = new Report.CeilingResult(e.id(), clients, api.achievedRatePerSecond(), apiP99, null, null, null,
                            hasPgbench ? "no pgbench script" : "pgbench not found (Debian package postgresql-client)");
                } else {
                    PgbenchRunner.Result db1 = pgbench.run(script.get(), clients, duration, population);
                    double perRequest = e.requests();   // an edit's pgbench transaction is both requests
                    double pgPerSecond = db1.tps() * perRequest;
                    result = new Report.CeilingResult(e.id(), clients, api.achievedRatePerSecond(), apiP99, pgPerSecond,
                            db1.latencyMs() / perRequest, api.achievedRatePerSecond() / pgPerSecond,
                            db1.failed() == 0 ? null : db1.failed() + " failed pgbench transactions");
                }
                ceiling.add(result);
                System.out.printf("  %-23s API %8.1f req/s (p99 %.1f ms)   pgbench %s%n", e.id(), result.apiPerSecond(),
                        result.apiP99Ms(), result.pgbenchPerSecond() == null ? result.note()
                                : String.format("%8.1f req/s → API at %.0f %%", result.pgbenchPerSecond(), result.ratio() * 100));
            }
            IngestionCeiling.Result ingestion = null;
            if (!o.flag("no-ingest")) {
                ingestion = IngestionCeiling.measure(server.baseUrl(), db, population, o.integer("ingest-batches", 40),
                        Math.min(clients, 2));
                System.out.printf("  ingestion: API %,.0f listens/s (%d-listen batches), bare COPY %,.0f rows/s%n",
                        ingestion.apiListensPerSecond(), ingestion.batchSize(), ingestion.copyRowsPerSecond());
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("model", "closed: clients back to back, no think time; pgbench -M prepared, same clients and duration");
            settings.put("clients", clients);
            settings.put("secondsPerSide", duration.toSeconds());
            settings.put("options", o.reported());
            List<String> notes = new ArrayList<>(LoadRun.notes());
            notes.add("pgbench transactions start with one primary-key pick of the sampled row (~0.08 ms) that the API "
                    + "does not run; see pgbench/README.md for what each script reproduces.");
            notes.add("playlist-edit: one pgbench transaction is the add and the remove; counted as two requests.");
            notes.add("The ingestion COPY is rolled back, the API's listens stay (the dataset grows by them).");
            Report report = new Report("ceiling", Instant.now().toString(), Report.Machine.current(),
                    new Report.Server(server.baseUrl(), server.heap(), server.startedByBench()), dataset, settings, phases,
                    null, ceiling, ingestion, null, Targets.fromCeiling(ceiling, ingestion), notes);
            report.write(out);
            return out;
        }
    }

    private List<Endpoint> endpoints() {
        String list = o.string("endpoints", null);
        if (list == null) {
            return Arrays.stream(Endpoint.values()).filter(e -> e.weight() > 0 && e != Endpoint.LISTEN_BATCH).toList();
        }
        return Arrays.stream(list.split(",")).map(String::trim).map(Endpoint::byId).toList();
    }
}
