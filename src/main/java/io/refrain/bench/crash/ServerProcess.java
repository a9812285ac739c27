package io.refrain.bench.crash;

import io.refrain.platform.db.DataDirectory;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Refrain server in a child JVM on the crash run's data directory, and the way to kill it
 * like a power cut takes a machine: the JVM and every process of its embedded PostgreSQL (the
 * postmaster named by {@code pg/postmaster.pid} and all its children, the backends included)
 * get SIGKILL together. The postmaster is stopped first so it forks no backend that would
 * escape the list while it is made.
 */
final class ServerProcess {

    private static final String MAIN_CLASS = "io.refrain.RefrainApplication";

    private final Process process;
    private final Path dataDir;
    private final int port;

    private ServerProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts {@code serve} on the data directory with what a crash run needs: the embedded
     * database (whatever the environment says), mail to the outbox, auth rate limits and token
     * lifetimes that do not get in the way of many sign-ups and of tokens used across restarts,
     * no MusicBrainz lookups, a small buffer pool (the kills are the point, not the speed).
     */
    static ServerProcess start(CrashOptions options, Path dataDir, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(
                options.serverCommand() != null ? options.serverCommand() : ownCommand(options.serverHeap()));
        command.addAll(List.of("serve", "--data-dir", dataDir.toString(), "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(
                        k -> k.equals("REFRAIN_DATA_DIR") || k.equals("REFRAIN_PORT") || k.startsWith("REFRAIN_SMTP_"));
        env.put("REFRAIN_DATABASE_URL", "");
        env.put("REFRAIN_RATE_LIMIT_AUTH_PER_ADDRESS", "1000000");
        env.put("REFRAIN_RATE_LIMIT_AUTH_PER_ACCOUNT", "1000000");
        env.put("REFRAIN_ACCESS_TOKEN_TTL", "24h");
        env.put("REFRAIN_PASSWORD_HASH_COST", "4");
        env.put("REFRAIN_MUSICBRAINZ_ENABLED", "false");
        env.put("REFRAIN_DEMO_CATALOG", "true");
        env.putIfAbsent("REFRAIN_DATABASE_EMBEDDED_SHARED_BUFFERS", "128MB");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServerProcess(builder.start(), dataDir, port);
    }

    /**
     * This JVM's way of starting the server: {@code java -jar} of the jar it runs from, or (in the
     * test suite, from compiled classes) the application's main class on the class path minus the
     * test classes.
     */
    static List<String> ownCommand(String heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // started several times per run: a JVM that starts fast (the run measures durability, not speed)
        List<String> jvm = List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        // surefire may run tests from a manifest-only jar; it names the real class path here
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !e.replace('\\', '/').endsWith("/test-classes"))
                .toList();
        List<String> command = new ArrayList<>(jvm);
        if (entries.size() == 1 && entries.getFirst().endsWith(".jar")) {
            command.addAll(List.of("-jar", entries.getFirst()));
        } else {
            command.addAll(List.of("-cp", String.join(File.pathSeparator, entries), MAIN_CLASS));
        }
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers 200; fails when the process ends first or the limit passes. */
    void awaitHealthy(Duration limit) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the server did not become healthy within " + limit.toSeconds() + " s");
    }

    /** The JDBC URL of the server's embedded database, as the server recorded it in its lock file. */
    String databaseUrl() throws IOException {
        return DataDirectory.recordedDatabaseUrl(dataDir)
                .orElseThrow(
                        () -> new IOException("the server recorded no database in " + dataDir.resolve("refrain.lock")));
    }

    /**
     * SIGKILL to the JVM, the postmaster and all its children at once; returns how many
     * PostgreSQL processes were killed, after all of them (and the JVM) are gone.
     */
    int killEverything() throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(process.toHandle());
        if (postmaster.isPresent()) {
            signal("-STOP", List.of(postmaster.get()));
            victims.add(postmaster.get());
            victims.addAll(postmaster.get().descendants().toList());
        }
        signal("-KILL", victims);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle victim : victims) {
            while (victim.isAlive()) {
                if (System.nanoTime() > until) {
                    throw new IOException("process " + victim.pid() + " survived SIGKILL for 30 s");
                }
                Thread.sleep(10);
            }
        }
        process.waitFor();
        return victims.size() - 1;
    }

    /** The running postmaster of the data directory: the first line of {@code pg/postmaster.pid}. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive);
    }

    /** One {@code kill} for all of them, so they die within the same moment. */
    private static void signal(String signal, List<ProcessHandle> targets) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal, "--"));
        targets.forEach(t -> command.add(String.valueOf(t.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(); // a process that died on its own meanwhile makes kill complain; the wait below decides
    }

    /** A clean stop (SIGTERM: the server shuts its embedded PostgreSQL down), SIGKILL after a minute. */
    void stop() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killEverything();
            return;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (postmaster.isPresent() && postmaster.get().isAlive() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        if (postmaster.isPresent() && postmaster.get().isAlive()) {
            killEverything();
        }
    }
}
