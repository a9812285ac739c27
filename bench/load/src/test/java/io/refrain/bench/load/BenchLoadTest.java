package io.refrain.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test's own logic, without a server: options, accounting, the report files. (The
 * whole path — server, Gatling, pgbench — is exercised by running it; see bench/README.md.)
 */
class BenchLoadTest {

    @Test
    void optionsParseDurationsNumbersAndFlagsAndRefuseUnknownOnes() {
        BenchOptions o = BenchOptions.parse(List.of("--duration", "2m", "--rate=450", "--knee", "--level", "500ms"));
        assertThat(o.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.duration("level", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(o.duration("think", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.number("rate", 0)).isEqualTo(450);
        assertThat(o.flag("knee")).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--durration", "60s")))
                .hasMessageContaining("unknown option --durration").hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--duration", "soon")).duration("duration", Duration.ZERO))
                .hasMessageContaining("like 60s");
    }

    @Test
    void measurementsCountErrorsByStatusAndKeepLatencyOfAnswersOnly() {
        Measurements m = new Measurements();
        m.record(Endpoint.TRACK, 200, 3_000);
        m.record(Endpoint.TRACK, 304, 1_000);
        m.record(Endpoint.TRACK, 500, 9_000);
        m.record(Endpoint.TRACK, Measurements.NO_RESPONSE, 0);
        assertThat(m.statuses(Endpoint.TRACK)).containsExactly(Map.entry(0, 1L), Map.entry(200, 1L), Map.entry(304, 1L),
                Map.entry(500, 1L));
        assertThat(m.latency(Endpoint.TRACK).getTotalCount()).isEqualTo(3); // no response has no latency
        assertThat(m.requestsInFirst(60)).isEqualTo(4);
        assertThat(Measurements.isError(304)).isFalse();
        assertThat(Measurements.isError(404)).isTrue();
        assertThat(Measurements.isError(Measurements.NO_RESPONSE)).isTrue();
    }

    @Test
    void theSampleSqlIsSplitIntoStatementsWithItsParametersFilledIn() throws Exception {
        List<String> statements = Population.sampleSql(123, 0.5);
        assertThat(statements).anyMatch(s -> s.contains("limit 123")).anyMatch(s -> s.contains("setseed(0.5)"));
        assertThat(statements).noneMatch(s -> s.contains(":samples") || s.contains(":seed") || s.isBlank());
    }

    @Test
    void everyWeightedEndpointButTheBatchHasAPgbenchScript() {
        for (Endpoint e : Endpoint.values()) {
            boolean needsScript = e.weight() > 0 && e != Endpoint.LISTEN_BATCH;
            assertThat(PgbenchRunner.class.getResource("pgbench/" + e.id() + ".sql") != null)
                    .as("pgbench/%s.sql", e.id()).isEqualTo(needsScript);
        }
    }

    @Test
    void theReportIsWrittenAsJsonAndAsOneSelfContainedHtmlPage(@TempDir Path dir) throws Exception {
        Measurements m = new Measurements();
        m.start();
        for (int i = 0; i < 100; i++) {
            m.record(Endpoint.SEARCH_SUGGEST, 200, 1_000 + i * 100L);
            m.record(Endpoint.RECENTLY_PLAYED_SPARSE, 200, 2_000);
        }
        m.record(Endpoint.SEARCH_SUGGEST, 503, 50_000);
        m.closeSecond(); // too early: the first second is not over
        assertThat(m.seconds()).isEmpty();
        Thread.sleep(1100);
        m.closeSecond();
        assertThat(m.seconds()).singleElement().satisfies(sec -> {
            assertThat(sec.requests()).isEqualTo(201);
            assertThat(sec.errors()).isEqualTo(1);
        });
        Population population = new Population(List.of(new Population.Listener(1, UUID.randomUUID(), "a@b", true, 1, 2, 3,
                "love", "lov", List.of(), "t")), 0);
        LoadPhase phase = new LoadPhase("http://localhost:1", population, 200, 0, Duration.ofSeconds(1),
                EnumSet.allOf(Endpoint.class), Duration.ofSeconds(1), 5, m);
        ResourceSampler.Summary resources = new ResourceSampler.Summary(
                List.of(new ResourceSampler.Sample(0, 1.5, 0.8, 0.5, 0.1, 200, 3)), 1, 3, 3, 200);
        PhaseResult result = PhaseResult.of("fixed-rate 200/s", phase, m, resources, 1.0);
        assertThat(result.overall().errors()).isEqualTo(1);
        assertThat(result.endpoint(Endpoint.SEARCH_SUGGEST).statuses()).containsEntry("503", 1L);

        Report report = new Report("fixed-rate", "2026-11-23T00:00:00Z", Report.Machine.current(),
                new Report.Server("http://localhost:1", "512m", true), null, Map.of(), List.of(result), null, null, null,
                Targets.fromLoad(List.of(result), null), LoadRun.notes());
        report.write(dir);
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json).contains("\"search-suggest\"").contains("\"p99Ms\"").contains("\"503\" : 1");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg").contains("Latency by percentile").contains("Throughput over time")
                .contains("search suggest p95 &lt; 10 ms").doesNotContain("<script").doesNotContain("http://cdn");
        assertThat(report.targets()).anyMatch(t -> t.goal().contains("sparse") && Boolean.TRUE.equals(t.met()));
    }
}
