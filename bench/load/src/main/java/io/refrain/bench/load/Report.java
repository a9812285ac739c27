package io.refrain.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code bench run} or {@code bench ceiling} measured, written as report.json
 * (this record, as is) and report.html ({@link HtmlReport}).
 *
 * @param knee     find-the-knee runs: the highest offered rate whose phase kept p99 under the limit
 *                 without errors; null otherwise
 * @param ceiling  ceiling runs: per endpoint, API versus pgbench at the same concurrency
 * @param overload overload runs: accepted and refused rates, latency of what was accepted, recovery; null otherwise
 * @param targets  issue #7's goals (issue #13's for overload) with what this report measured for them
 */
public record Report(String kind, String createdAt, Machine machine, Server server, Dataset dataset,
                     Map<String, Object> settings, List<PhaseResult> phases, Knee knee,
                     List<CeilingResult> ceiling, IngestionCeiling.Result ingestion, OverloadResult overload,
                     List<Target> targets, List<String> notes) {

    public record Machine(int cores, double memoryGb, String os, String loadGeneratorJava) {
        static Machine current() {
            long mem = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getTotalMemorySize();
            return new Machine(Runtime.getRuntime().availableProcessors(), Math.round(mem / 1073741824.0 * 10) / 10.0,
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.version"));
        }
    }

    public record Server(String baseUrl, String heap, boolean startedByBench) {
    }

    public record Knee(double p99LimitMs, Double kneeRatePerSecond, String verdict) {
    }

    /** One endpoint at one concurrency: the API closed-loop versus pgbench running its SQL. */
    public record CeilingResult(String endpoint, int concurrency, double apiPerSecond, double apiP99Ms,
                                Double pgbenchPerSecond, Double pgbenchLatencyMs, Double ratio, String note) {
    }

    /** A goal (issue #7, #13), what was measured, and whether it is met (null: not measured here). */
    public record Target(String goal, String measured, Boolean met) {
    }

    void write(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("report.json").toFile(), this);
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(this));
    }
}
