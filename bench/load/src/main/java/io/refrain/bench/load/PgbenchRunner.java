package io.refrain.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an endpoint's pgbench script ({@code pgbench/<endpoint>.sql}, the statements the API runs
 * for that request; see pgbench/README.md) against the benchmark database: prepared statements,
 * the same number of clients as the API run, fixed duration.
 */
final class PgbenchRunner {

    record Result(double tps, double latencyMs, long failed, String output) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    private final BenchDatabase db;
    private final Path scripts;
    private final String pgbench;

    PgbenchRunner(BenchDatabase db, Path workDir) throws IOException {
        this.db = db;
        this.scripts = Files.createDirectories(workDir.resolve("pgbench"));
        this.pgbench = System.getenv().getOrDefault("REFRAIN_PGBENCH", "pgbench");
    }

    /** The script of an endpoint, copied out of the jar next to the report; empty when there is none. */
    Optional<Path> script(Endpoint e) throws IOException {
        try (InputStream in = PgbenchRunner.class.getResourceAsStream("pgbench/" + e.id() + ".sql")) {
            if (in == null) {
                return Optional.empty();
            }
            Path file = scripts.resolve(e.id() + ".sql");
            Files.write(file, in.readAllBytes());
            return Optional.of(file);
        }
    }

    boolean available() {
        try {
            Process p = new ProcessBuilder(pgbench, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Result run(Path script, int clients, Duration duration, Population population) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", String.valueOf(Math.max(1, duration.toSeconds())),
                "-D", "samples=" + population.listeners().size(), "-D", "playlists=" + population.playlists(),
                "-f", script.toString()));
        cmd.addAll(db.libpqArgs());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Matcher tps = TPS.matcher(out);
        if (code != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed (exit " + code + ") on " + script + ":\n" + out);
        }
        Matcher latency = LATENCY.matcher(out);
        Matcher failed = FAILED.matcher(out);
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0,
                failed.find() ? Long.parseLong(failed.group(1)) : 0, out);
    }
}
