package io.refrain.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The Refrain server the load goes to: one already running ({@code --base-url}), or one this run
 * starts on {@code --data-dir} with {@code ./refrain serve} and stops at the end — with the heap of
 * the targets ({@code -Xmx512m}), auth rate limits raised (every sampled user logs in from this
 * one address) and access tokens that outlive the run. Its output goes to {@code server.log} in
 * the report folder.
 */
final class ServerUnderTest implements AutoCloseable {

    private final String baseUrl;
    private final Process process;
    private final String heap;

    private ServerUnderTest(String baseUrl, Process process, String heap) {
        this.baseUrl = baseUrl;
        this.process = process;
        this.heap = heap;
    }

    static ServerUnderTest attach(String baseUrl) throws Exception {
        ServerUnderTest s = new ServerUnderTest(baseUrl.replaceAll("/+$", ""), null, "unknown (not started by the bench)");
        s.awaitHealthy(Duration.ofSeconds(10));
        return s;
    }

    static ServerUnderTest start(Path refrainHome, Path dataDir, int port, String heap, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(refrainHome.resolve("refrain").toString(), "serve",
                "--port", String.valueOf(port), "--data-dir", dataDir.toString());
        Map<String, String> env = pb.environment();
        env.put("REFRAIN_JAVA_OPTS", "-Xmx" + heap + " -Xms" + heap);
        env.put("REFRAIN_RATE_LIMIT_AUTH_PER_ADDRESS", "1000000");
        env.put("REFRAIN_RATE_LIMIT_AUTH_PER_ACCOUNT", "1000000");
        env.put("REFRAIN_ACCESS_TOKEN_TTL", "12h");
        env.putIfAbsent("REFRAIN_DEMO_CATALOG", "false");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        System.out.println("bench: starting the server on " + dataDir + " (port " + port + ", -Xmx" + heap + "), log: " + log);
        ServerUnderTest s = new ServerUnderTest("http://localhost:" + port, pb.start(), heap);
        s.awaitHealthy(Duration.ofMinutes(5));
        return s;
    }

    String baseUrl() {
        return baseUrl;
    }

    String heap() {
        return heap;
    }

    boolean startedByBench() {
        return process != null;
    }

    /** The server JVM's pid, to read its CPU time (the launcher script execs java, keeping its pid). */
    OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    private void awaitHealthy(Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting; see its log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no healthy server at " + baseUrl + " within " + limit.toSeconds() + " s");
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();   // SIGTERM: graceful shutdown stops the embedded PostgreSQL cleanly
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            // told to stop waiting: leave no server behind, and keep the interrupt for the caller
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroy);
    }
}
