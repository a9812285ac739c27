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
    void reportsRecordTheRunsOptionsButNotTheCheckoutPathTheLauncherAdds() {
        BenchOptions o = BenchOptions.parse(List.of("--rate", "150", "--refrain-home", "/home/someone/refrain"));
        assertThat(o.path("refrain-home", ".").toString()).isEqualTo("/home/someone/refrain");
        assertThat(o.reported()).containsExactlyEntriesOf(Map.of("rate", "150"));
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
                new Report.Server("http://localhost:1", "512m", true), null, Map.of(), List.of(result), null, null, null, null,
                Targets.fromLoad(List.of(result), null), LoadRun.notes());
        report.write(dir);
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json).contains("\"search-suggest\"").contains("\"p99Ms\"").contains("\"503\" : 1");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg").contains("Latency by percentile").contains("Throughput over time")
                .contains("search suggest p95 &lt; 10 ms").doesNotContain("<script").doesNotContain("http://cdn");
        assertThat(report.targets()).anyMatch(t -> t.goal().contains("sparse") && Boolean.TRUE.equals(t.met()));
    }

    @Test
    void recommendationsAndPopularNowHaveTheirOwnGoals() {
        Measurements m = new Measurements();
        m.start();
        for (int i = 0; i < 100; i++) {
            m.record(Endpoint.RECOMMENDATIONS, 200, 30_000);
            m.record(Endpoint.RECOMMENDATIONS_PROFILE, 200, 60_000);
            m.record(Endpoint.POPULAR_NOW, 200, 10_000);
        }
        LoadPhase phase = new LoadPhase("http://localhost:1", null, 200, 0, Duration.ofSeconds(1),
                EnumSet.allOf(Endpoint.class), Duration.ofSeconds(1), 5, m);
        ResourceSampler.Summary resources = new ResourceSampler.Summary(List.of(), 0, 0, 0, 0);
        List<Report.Target> targets = Targets.fromLoad(List.of(PhaseResult.of("fixed-rate 200/s", phase, m, resources, 1.0)),
                null);
        assertThat(targets).anySatisfy(t -> {
            assertThat(t.goal()).isEqualTo("recommendations p95 < 50 ms from a seed track");
            assertThat(t.met()).isTrue();
        }).anySatisfy(t -> {
            assertThat(t.goal()).isEqualTo("recommendations p95 < 50 ms from the listener's stored profile");
            assertThat(t.met()).isFalse();
            assertThat(t.measured()).contains("p95 60.0 ms").contains("10.0 ms over");
        }).anySatisfy(t -> {
            assertThat(t.goal()).isEqualTo("popular-now p95 < 20 ms");
            assertThat(t.met()).isTrue();
        });
        assertThat(LoadRun.weights()).containsEntry("recommendations", 4).containsEntry("recommendations-profile", 2)
                .containsEntry("popular-now", 3).containsEntry("recently-played", 18);
    }

    @Test
    void overloadAnswersAreClassifiedAcceptedRefusedOrFailed() {
        assertThat(OverloadResult.classify(200)).isEqualTo(OverloadResult.Outcome.ACCEPTED);
        assertThat(OverloadResult.classify(304)).isEqualTo(OverloadResult.Outcome.ACCEPTED);
        assertThat(OverloadResult.classify(429)).isEqualTo(OverloadResult.Outcome.REFUSED_429);
        assertThat(OverloadResult.classify(503)).isEqualTo(OverloadResult.Outcome.REFUSED_503);
        assertThat(OverloadResult.classify(500)).isEqualTo(OverloadResult.Outcome.SERVER_ERROR);
        assertThat(OverloadResult.classify(502)).isEqualTo(OverloadResult.Outcome.SERVER_ERROR);
        assertThat(OverloadResult.classify(404)).isEqualTo(OverloadResult.Outcome.OTHER);
        assertThat(OverloadResult.classify(Measurements.NO_RESPONSE)).isEqualTo(OverloadResult.Outcome.NO_RESPONSE);
        BenchOptions o = BenchOptions.parse(List.of("--overload", "--knee-rate", "120", "--probe-rate=5", "--recovery", "1m"));
        assertThat(o.flag("overload")).isTrue();
        assertThat(o.number("knee-rate", 0)).isEqualTo(120);
        assertThat(o.duration("recovery", Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
    }

    /**
     * Baseline 10 s, overload 10 s, recovery 20 s. The probe answers in 5 ms before, is slow and
     * once refused until 4 s after the end, then answers in 5 ms again; the load is 60 % accepted
     * (100 ms), 30 % 503, 10 % 429, plus one 503 without Retry-After.
     */
    @Test
    void overloadAccountingGivesRatesLatencyOfAcceptedAndRecoveryTime() {
        List<Measurements.Sample> load = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long at = 10_000 + i * 10L;
            int kind = i % 10;
            load.add(kind < 6 ? new Measurements.Sample(at, 200, 100_000, false)
                    : new Measurements.Sample(at, kind < 9 ? 503 : 429, 2_000, true));
        }
        load.add(new Measurements.Sample(19_999, 503, 2_000, false));
        List<Measurements.Sample> probe = new java.util.ArrayList<>();
        for (long at = 0; at < 40_000; at += 100) {
            boolean slow = at >= 10_000 && at < 24_000;
            probe.add(new Measurements.Sample(at, at == 22_500 ? 503 : 200, slow ? 200_000 : 5_000, at == 22_500));
        }
        OverloadResult r = OverloadResult.of(100, 10, 10, 10, 20, load, probe);

        OverloadResult.Window o = r.overload();
        assertThat(o.requests()).isEqualTo(1001);
        assertThat(o.acceptedPerSecond()).isEqualTo(60.0);
        assertThat(o.refused503()).isEqualTo(301);
        assertThat(o.refused429()).isEqualTo(100);
        assertThat(o.refusedWithoutRetryAfter()).isEqualTo(1);
        assertThat(o.serverErrors()).isZero();
        assertThat(o.accepted().requests()).isEqualTo(600);
        assertThat(o.accepted().p99Ms()).isBetween(99.0, 101.0);   // refusals' 2 ms do not flatter it
        assertThat(o.refusedP99Ms()).isBetween(1.9, 2.1);
        assertThat(r.probeBaseline().accepted().p99Ms()).isBetween(4.9, 5.1);
        assertThat(r.normalP99Ms()).isBetween(29.9, 30.1);   // max(2 × 5, 5 + 25)
        assertThat(r.probeAfter().refused503()).isEqualTo(1);
        assertThat(r.recoverySecondsAfterEnd()).isEqualTo(4.0);
        assertThat(r.lastRefusalSecondsAfterEnd()).isEqualTo(2.5);
        assertThat(r.clean()).isFalse();   // the refusal without Retry-After
        assertThat(r.verdict()).contains("60.0/s accepted").contains("1 without Retry-After")
                .contains("back to normal 4 s after");
        assertThat(r.seconds()).hasSize(40);
        assertThat(r.seconds().get(12).accepted()).isEqualTo(60);
        assertThat(r.seconds().get(12).refused503()).isEqualTo(30);
        assertThat(r.seconds().get(5).accepted()).isZero();
        assertThat(r.seconds().get(5).probeAccepted()).isEqualTo(10);

        List<Report.Target> targets = Targets.fromOverload(r);
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0).met()).isFalse();
        assertThat(targets.get(1).met()).isTrue();
        assertThat(targets.get(2).met()).isTrue();
    }

    @Test
    void anotherServerErrorFailsTheOverloadGoalAndAProbeThatStaysSlowNeverRecovers() {
        List<Measurements.Sample> load = List.of(new Measurements.Sample(10_500, 200, 50_000, false),
                new Measurements.Sample(11_000, 503, 1_000, true), new Measurements.Sample(11_500, 500, 1_000, false));
        List<Measurements.Sample> probe = new java.util.ArrayList<>();
        for (long at = 0; at < 30_000; at += 100) {
            probe.add(new Measurements.Sample(at, 200, at < 10_000 ? 5_000 : 900_000, false));
        }
        OverloadResult r = OverloadResult.of(400, 10, 10, 10, 10, load, probe);
        assertThat(r.overload().serverErrors()).isEqualTo(1);
        assertThat(r.clean()).isFalse();
        assertThat(r.recoverySecondsAfterEnd()).isNull();
        assertThat(r.verdict()).contains("1 other 5xx").contains("not back to normal within 10 s");
        assertThat(Targets.fromOverload(r)).allMatch(t -> Boolean.FALSE.equals(t.met()) || t.goal().contains("p99"));
    }

    @Test
    void anOverloadReportShowsItsNumbersInJsonAndHtml(@TempDir Path dir) throws Exception {
        Measurements m = new Measurements(true);
        m.start();
        m.record(Endpoint.TRACK, 503, 1_000, true);
        m.record(Endpoint.TRACK, 200, 4_000, false);
        assertThat(m.samples()).hasSize(2).first().satisfies(s -> {
            assertThat(s.status()).isEqualTo(503);
            assertThat(s.retryAfter()).isTrue();
        });
        assertThat(new Measurements().samples()).isEmpty();   // kept only when asked
        List<Measurements.Sample> probe = new java.util.ArrayList<>();
        for (long at = 0; at < 9_000; at += 100) {
            probe.add(new Measurements.Sample(at, 200, 3_000, false));
        }
        OverloadResult r = OverloadResult.of(200, 10, 3, 3, 3, m.samples().stream()
                .map(s -> new Measurements.Sample(3_500, s.status(), s.latencyMicros(), s.retryAfter())).toList(), probe);
        assertThat(r.clean()).isTrue();
        assertThat(r.recoverySecondsAfterEnd()).isEqualTo(0.0);
        Report report = new Report("overload", "2026-12-02T00:00:00Z", Report.Machine.current(),
                new Report.Server("http://localhost:1", "512m", true), null, Map.of(), List.of(), null, null, null, r,
                Targets.fromOverload(r), LoadRun.notes());
        report.write(dir);
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(json).contains("\"overload\"").contains("\"recoverySecondsAfterEnd\" : 0.0")
                .contains("\"refused503\" : 1").contains("\"acceptedPerSecond\"");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Overload</h2>").contains("refused 503").contains("probe during")
                .contains("back to normal within 10 s").doesNotContain("<script");
    }

    @Test
    void aDelayedLoadCountsItsSteadyRateFromWhenItStarts() throws Exception {
        Measurements m = new Measurements();
        LoadPhase delayed = new LoadPhase("http://localhost:1", null, 10, 0, Duration.ofSeconds(4), EnumSet.allOf(Endpoint.class),
                Duration.ofSeconds(1), 1, m, Duration.ofSeconds(60), null);
        assertThat(new LoadPhase("http://localhost:1", null, 10, 0, Duration.ofSeconds(4), EnumSet.allOf(Endpoint.class),
                Duration.ofSeconds(1), 1, m).delay()).isZero();
        // nothing recorded after second 0, so the delayed window (seconds 61–64) counts nothing
        m.record(Endpoint.TRACK, 200, 1_000);
        assertThat(PhaseResult.steadyRate(delayed, m)).isZero();
    }
}
