package io.refrain.bench.load;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Ingestion through the API — {@code POST /api/v1/me/listens} with 1,000 listens by catalog id
 * per request, on {@code clients} connections — versus rows of the same shape through a bare
 * {@code COPY listens FROM STDIN}: no resolution, no statistics, no JSON. The COPY runs in a
 * transaction that is rolled back, so the dataset's statistics stay exactly those of its listens.
 * Listen times are random microseconds in the last 25 days (months whose partitions exist).
 */
final class IngestionCeiling {

    static final int BATCH = 1000;

    record Result(int batchSize, int clients, long apiListens, double apiSeconds, double apiListensPerSecond,
                  long copyRows, double copySeconds, double copyRowsPerSecond) {
    }

    static Result measure(String baseUrl, BenchDatabase db, Population population, int batches, int clients)
            throws Exception {
        List<Population.Listener> listeners = population.listeners();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Long>> added = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            added.add(pool.submit(() -> {
                long n = 0;
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    Population.Listener l = listeners.get(b % listeners.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/listens"))
                            .timeout(Duration.ofMinutes(2))
                            .header("authorization", "Bearer " + l.token()).header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(batchJson(listeners, new SplittableRandom(b * 31L + 7))))
                            .build();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("batch " + b + ": HTTP " + r.statusCode() + " " + r.body());
                    }
                    n += BATCH;
                }
                return n;
            }));
        }
        long apiListens = 0;
        for (Future<Long> f : added) {
            apiListens += f.get();
        }
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long copyRows = (long) batches * BATCH;
        double copySeconds;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            String csv = copyCsv(listeners, copyRows, new SplittableRandom(42));
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy listens (user_id, listened_at, track_id, ms_played, skipped, source) from stdin (format csv)",
                    new StringReader(csv));
            copySeconds = (System.nanoTime() - t0) / 1e9;
            c.rollback();
        }
        return new Result(BATCH, clients, apiListens, apiSeconds, apiListens / apiSeconds, copyRows, copySeconds,
                copyRows / copySeconds);
    }

    private static Instant randomRecent(SplittableRandom r) {
        return Instant.now().minusNanos(1000 * r.nextLong(60_000_000L, 25L * 86_400_000_000L));
    }

    private static String batchJson(List<Population.Listener> listeners, SplittableRandom r) {
        StringBuilder json = new StringBuilder("{\"listens\":[");
        for (int i = 0; i < BATCH; i++) {
            json.append(i == 0 ? "" : ",").append("{\"listenedAt\":\"").append(randomRecent(r))
                    .append("\",\"track\":{\"id\":").append(listeners.get(r.nextInt(listeners.size())).trackId())
                    .append("},\"msPlayed\":").append(r.nextInt(30_000, 300_000)).append('}');
        }
        return json.append("]}").toString();
    }

    private static String copyCsv(List<Population.Listener> listeners, long rows, SplittableRandom r) {
        StringBuilder csv = new StringBuilder();
        for (long i = 0; i < rows; i++) {
            Population.Listener owner = listeners.get((int) (i / BATCH % listeners.size()));
            csv.append(owner.userId()).append(',').append(randomRecent(r)).append(',')
                    .append(listeners.get(r.nextInt(listeners.size())).trackId()).append(',')
                    .append(r.nextInt(30_000, 300_000)).append(",false,api\n");
        }
        return csv.toString();
    }
}
