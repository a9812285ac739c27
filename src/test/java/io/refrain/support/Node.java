package io.refrain.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node.js scripts in {@code src/test/node}, so MCP tests can drive the endpoint with the
 * official TypeScript SDK client and conformance suite instead of a hand-written imitation of them.
 * Node and npm come from {@code PATH}; tests without them are skipped, not failed.
 */
public final class Node {

    /** The scripts and their npm project; Maven runs tests in the project root. */
    public static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    private static final int MIN_MAJOR_VERSION = 20;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private static final Optional<Path> NODE = onPath("node");
    private static final Optional<Path> NPM = onPath("npm");

    private static String unavailable;
    private static boolean checked;
    private static boolean installed;

    private Node() {}

    /** Skips the calling test, with the reason, when node (20 or newer) or npm is missing. */
    public static void assumeAvailable() {
        String reason = unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "node and npm are needed for the MCP client tests: " + reason);
    }

    /**
     * Installs the locked npm packages ({@code npm ci}) once per JVM; skipped when node_modules is
     * already newer than package-lock.json, since {@code npm ci} starts by deleting node_modules.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        if (!upToDate()) {
            List<String> command = List.of(executable(NPM, "npm").toString(), "ci", "--no-audit", "--no-fund");
            Result npm = execute(command, Map.of(), INSTALL_TIMEOUT);
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm ci in " + DIR + " failed with exit code " + npm.exitCode() + ":\n"
                        + describe(npm.stdout(), npm.stderr()));
            }
        }
        installed = true;
    }

    /** Runs {@code node <script> <args>} to completion; a run that outlives the timeout is killed and fails. */
    public static Result run(Duration timeout, Map<String, String> env, String script, String... args) {
        return execute(nodeCommand(script, args), env, timeout);
    }

    /**
     * Starts a long-running script (such as the header proxy) and waits until it prints {@code
     * listening <port>}, so the caller knows where it listens before using it.
     */
    public static Running start(Map<String, String> env, String script, String... args) {
        List<String> command = nodeCommand(script, args);
        Path stderr = tempFile();
        Process process = launch(command, env, ProcessBuilder.Redirect.PIPE, stderr);
        var running = new Running(process, stderr);
        Thread.ofPlatform().daemon().name("node-stdout-" + process.pid()).start(running::readStdout);
        try {
            running.port = running.listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return running;
        } catch (TimeoutException e) {
            throw running.failed(command, "did not print 'listening <port>' within " + START_TIMEOUT);
        } catch (ExecutionException e) {
            throw running.failed(
                    command, "did not print 'listening <port>' (" + e.getCause().getMessage() + ")");
        } catch (InterruptedException e) {
            running.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a finished {@link #run} printed. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** A started script; closing it ends the process and everything it started. */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final Path stderr;
        private final StringBuilder stdout = new StringBuilder();
        private final CompletableFuture<Integer> listening = new CompletableFuture<>();
        private int port;

        private Running(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }

        /** The port from the script's {@code listening <port>} line. */
        public int port() {
            return port;
        }

        @Override
        public void close() {
            destroyTree(process);
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void readStdout() {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (stdout) {
                        stdout.append(line).append('\n');
                    }
                    if (line.startsWith("listening ")) {
                        listening.complete(Integer.parseInt(
                                line.substring("listening ".length()).trim()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                listening.completeExceptionally(e);
            }
            // A script that ends its stdout (usually by exiting) will not print the line any more.
            process.onExit().join();
            listening.completeExceptionally(new IllegalStateException("its stdout ended"));
        }

        /** Ends a start that went wrong, with what the script printed. */
        private AssertionError failed(List<String> command, String how) {
            String exit = process.isAlive() ? "" : ", exit code " + process.exitValue();
            destroyTree(process);
            String out;
            synchronized (stdout) {
                out = stdout.toString();
            }
            String printed = Node.describe(out, read(stderr));
            close();
            return new AssertionError(String.join(" ", command) + " " + how + exit + ":\n" + printed);
        }
    }

    private static synchronized String unavailableReason() {
        if (!checked) {
            unavailable = checkAvailable();
            checked = true;
        }
        return unavailable;
    }

    private static String checkAvailable() {
        if (NODE.isEmpty()) {
            return "no node executable on PATH";
        }
        if (NPM.isEmpty()) {
            return "no npm executable on PATH";
        }
        Result version = execute(List.of(NODE.get().toString(), "--version"), Map.of(), Duration.ofSeconds(30));
        String text = version.stdout().strip();
        try {
            int major = Integer.parseInt(text.replaceFirst("^v", "").split("\\.")[0]);
            if (major < MIN_MAJOR_VERSION) {
                return NODE.get() + " is " + text + ", but " + MIN_MAJOR_VERSION + " or newer is needed";
            }
        } catch (NumberFormatException e) {
            return NODE.get() + " --version printed '" + text + "'";
        }
        return null;
    }

    private static boolean upToDate() {
        Path lock = DIR.resolve("package-lock.json");
        Path installedLock = DIR.resolve("node_modules").resolve(".package-lock.json");
        try {
            return Files.exists(installedLock)
                    && Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nodeCommand(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable(NODE, "node").toString());
        command.add(script);
        command.addAll(List.of(args));
        return command;
    }

    private static Path executable(Optional<Path> found, String name) {
        return found.orElseThrow(() ->
                new IllegalStateException("no " + name + " executable on PATH; call Node.assumeAvailable() first"));
    }

    /** Runs a command in {@link #DIR}, its output in files so that neither stream can fill up and block it. */
    private static Result execute(List<String> command, Map<String, String> env, Duration timeout) {
        Path stdout = tempFile();
        Path stderr = tempFile();
        try {
            Process process = launch(command, env, ProcessBuilder.Redirect.to(stdout.toFile()), stderr);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + describe(read(stdout), read(stderr)));
            }
            return new Result(process.exitValue(), read(stdout), read(stderr));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Process launch(
            List<String> command, Map<String, String> env, ProcessBuilder.Redirect stdout, Path stderr) {
        var builder = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectOutput(stdout)
                .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    /** Ends the process and its descendants (npm and the proxy may start processes of their own). */
    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> names = WINDOWS ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : names) {
                try {
                    Path file = Path.of(dir, candidate);
                    if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                        return Optional.of(file);
                    }
                } catch (InvalidPathException e) {
                    // a malformed PATH entry holds no executable
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(String stdout, String stderr) {
        return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("refrain-node-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
