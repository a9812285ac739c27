package io.refrain.bench.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code refrain bench crash}: the promise "a write the server acknowledged is stored", tested
 * the hard way. A server is started on a data directory, accounts are signed up, and writers
 * submit listens and playlist edits while every answer is booked ({@link Ledger}); at a random
 * moment the server JVM and all PostgreSQL processes of the directory are killed with SIGKILL,
 * the server is started again, unanswered listens are sent again (as a client would: they are
 * idempotent), and the database is compared with the ledger ({@link Verifier}). Repeated for
 * every round. Runs in a JVM of its own, without an application context: the server under test
 * is a child process.
 */
public final class CrashTest {

    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Pattern CODE = Pattern.compile("Your code is: (\\d{6})");

    /** One round: what the writers did until the kill, the restart, and the check of everything acknowledged so far. */
    record Round(
            int number,
            double killedAfterSeconds,
            int postgresProcessesKilled,
            long listens,
            long listenRequests,
            long playlistEdits,
            long unanswered,
            long retriedAcknowledged,
            long resentAlreadyStored,
            Map<Integer, Long> refused,
            double restartSeconds,
            Verifier.Findings findings) {}

    record Result(Path dataDir, List<Round> rounds) {
        Verifier.Findings last() {
            return rounds.getLast().findings();
        }

        boolean passed() {
            return rounds.stream().allMatch(r -> r.findings().clean());
        }
    }

    private CrashTest() {}

    /** The command: parses, runs, prints, returns the exit code (0 passed, 1 failed, 2 usage). */
    public static int main(List<String> arguments) {
        if (arguments.contains("-h") || arguments.contains("--help")) {
            System.out.println(CrashOptions.USAGE);
            return 0;
        }
        CrashOptions options;
        try {
            options = CrashOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("refrain bench crash: " + e.getMessage());
            System.err.println(CrashOptions.USAGE);
            return 2;
        }
        try {
            Result result = run(options, System.out);
            return result.passed() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("refrain bench crash: failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    static Result run(CrashOptions options, PrintStream out) throws Exception {
        boolean fresh = options.dataDir() == null;
        Path dir = (fresh ? Files.createTempDirectory("refrain-crash-") : options.dataDir())
                .toAbsolutePath()
                .normalize();
        Path work = dir.resolve("crash");
        Files.createDirectories(work);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path log = work.resolve("server-" + stamp + ".log");
        int port = options.port() == 0 ? ServerProcess.freePort() : options.port();
        Random random = new Random(options.seed());
        List<Round> rounds = new ArrayList<>();
        out.printf(
                "crash: data dir %s, %d rounds of about %.1f s, %d writers, seed %d%n",
                dir, options.rounds(), options.secondsPerRound(), options.writers(), options.seed());
        out.printf("crash: journal %s, server log %s%n", work.resolve("journal-" + stamp + ".tsv"), log);
        ServerProcess server = null;
        try (Ledger ledger = new Ledger(work.resolve("journal-" + stamp + ".tsv"))) {
            long started = System.nanoTime();
            server = ServerProcess.start(options, dir, port, log);
            server.awaitHealthy(START_LIMIT);
            List<Long> tracks = catalogTracks(server);
            out.printf(
                    "crash: server up in %.1f s (pid %d), %,d catalog tracks to listen to%n",
                    seconds(started), server.pid(), tracks.size());
            Http http = new Http(server.baseUrl());
            Instant firstListen = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            List<Writer> writers = new ArrayList<>();
            String run = HexFormat.of().toHexDigits(random.nextInt());
            for (int i = 0; i < options.writers(); i++) {
                Writer.Account account =
                        signUp(http, dir.resolve("outbox"), "crash-" + run + "-" + i + "@refrain.test");
                ledger.users.add(account.id());
                writers.add(new Writer(account, http, ledger, tracks, options.seed() * 31 + i, firstListen));
            }
            ledger.note("run " + run + " seed " + options.seed() + " users " + ledger.users);

            for (int number = 1; number <= options.rounds(); number++) {
                ledger.note("round " + number);
                Writer.Counts counts = new Writer.Counts();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < writers.size(); i++) {
                    writers.get(i).round(stop, counts);
                    threads.add(Thread.ofPlatform().name("crash-writer-" + i).start(writers.get(i)));
                }
                double delay = options.secondsPerRound() * (0.5 + random.nextDouble());
                Thread.sleep((long) (delay * 1000));
                int killed = server.killEverything();
                stop.set(true);
                ledger.note("killed the server and " + killed + " PostgreSQL processes");
                for (Thread t : threads) {
                    t.join(Duration.ofSeconds(90));
                }
                long restarting = System.nanoTime();
                server = ServerProcess.start(options, dir, port, log);
                server.awaitHealthy(START_LIMIT);
                double restart = seconds(restarting);
                long retried = 0;
                for (Writer w : writers) {
                    retried += w.retryUnanswered(counts);
                }
                Verifier.Findings findings = Verifier.check(server.databaseUrl(), ledger);
                Map<Integer, Long> refused = new TreeMap<>();
                counts.refused.forEach((status, n) -> refused.put(status, n.get()));
                Round round = new Round(
                        number,
                        delay,
                        killed,
                        counts.listens.get(),
                        counts.listenRequests.get(),
                        counts.playlistEdits.get(),
                        counts.unanswered.get(),
                        retried,
                        counts.resentAlreadyStored.get(),
                        refused,
                        restart,
                        findings);
                rounds.add(round);
                out.println(describe(round));
            }
            Result result = new Result(dir, rounds);
            out.println(summary(result));
            server.stop();
            server = null;
            if (fresh && result.passed()) {
                delete(dir);
            } else if (fresh) {
                out.println("crash: the data directory is kept for inspection: " + dir);
            }
            return result;
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    static String describe(Round r) {
        Verifier.Findings f = r.findings();
        return String.format(
                "round %d: killed after %.1f s (server JVM and %d PostgreSQL processes); acknowledged %,d listens "
                        + "in %,d requests and %,d playlist edits; %d requests unanswered, %d of them resent and acknowledged "
                        + "(%d of their listens were stored before the kill)%s; "
                        + "restart %.1f s%n  check of all %,d acknowledged listens and %,d playlist writes so far: lost %d, duplicated %d, "
                        + "unexpected %d, playlist writes lost %d, unexpected playlist rows %d, statistics mismatches %d%s; "
                        + "unanswered listens present %d, absent %d",
                r.number(),
                r.killedAfterSeconds(),
                r.postgresProcessesKilled(),
                r.listens(),
                r.listenRequests(),
                r.playlistEdits(),
                r.unanswered(),
                r.retriedAcknowledged(),
                r.resentAlreadyStored(),
                r.refused().isEmpty() ? "" : "; error answers " + r.refused(),
                r.restartSeconds(),
                f.listensAcknowledged(),
                f.playlistWritesAcknowledged(),
                f.listensLost(),
                f.listensDuplicated(),
                f.listensUnexpected(),
                f.playlistWritesLost(),
                f.playlistUnexpected(),
                f.statsMismatches(),
                f.mismatches().isEmpty() ? "" : " " + f.mismatches(),
                f.listensUnknownPresent(),
                f.listensUnknownAbsent());
    }

    static String summary(Result result) {
        Verifier.Findings f = result.last();
        long mismatches = result.rounds().stream()
                .mapToLong(r -> r.findings().statsMismatches())
                .sum();
        return String.format(
                "crash: %d rounds, %,d acknowledged listens, %,d acknowledged playlist writes: lost %d, duplicated %d, "
                        + "unexpected %d, playlist writes lost %d, statistics mismatches %d: %s",
                result.rounds().size(),
                f.listensAcknowledged(),
                f.playlistWritesAcknowledged(),
                f.listensLost(),
                f.listensDuplicated(),
                f.listensUnexpected(),
                f.playlistWritesLost(),
                mismatches,
                result.passed() ? "PASSED" : "FAILED");
    }

    /** The catalog's track ids, once the demo catalog (loaded right after start-up on an empty database) is complete. */
    private static List<Long> catalogTracks(ServerProcess server)
            throws IOException, SQLException, InterruptedException {
        long until = System.nanoTime() + START_LIMIT.toNanos();
        long previous = -1;
        try (Connection db = DriverManager.getConnection(server.databaseUrl(), "postgres", "");
                Statement s = db.createStatement()) {
            while (System.nanoTime() < until) {
                long count;
                try (ResultSet rs = s.executeQuery("select count(*) from tracks")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count > 0 && count == previous) {
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("select id from tracks order by id limit 2000")) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return ids;
                }
                previous = count;
                Thread.sleep(1000);
            }
        }
        throw new IOException(
                "the catalog stayed empty: the crash test listens to catalog tracks (is REFRAIN_DEMO_CATALOG off?)");
    }

    /** Sign-up with the e-mailed code, read from the outbox. */
    private static Writer.Account signUp(Http http, Path outbox, String email)
            throws IOException, InterruptedException {
        ObjectNode signup = Http.JSON
                .createObjectNode()
                .put("email", email)
                .put("password", "crash-test-password")
                .put("displayName", "Crash test");
        Http.Answer answer = http.post("/api/v1/auth/signup", null, signup);
        if (answer.status() != 202) {
            throw new IOException("sign-up of " + email + " answered " + answer.status() + ": " + answer.body());
        }
        String code = awaitCode(outbox, email);
        answer = http.post(
                "/api/v1/auth/verify",
                null,
                Http.JSON.createObjectNode().put("email", email).put("code", code));
        if (answer.status() != 200) {
            throw new IOException("verification of " + email + " answered " + answer.status() + ": " + answer.body());
        }
        return new Writer.Account(
                UUID.fromString(answer.body().get("userId").asString()),
                answer.body().get("accessToken").asString());
    }

    /** Mails are files {@code <time>-<address>-<random>.eml}, written a moment after the sign-up answered. */
    private static String awaitCode(Path outbox, String email) throws IOException, InterruptedException {
        String needle = "-" + email.replaceAll("[^A-Za-z0-9@._-]", "_") + "-";
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path mail : files.filter(
                                    p -> p.getFileName().toString().contains(needle))
                            .toList()) {
                        Matcher m = CODE.matcher(Files.readString(mail));
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no code for " + email + " in " + outbox + " within 60 s");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void delete(Path dir) throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }
}
