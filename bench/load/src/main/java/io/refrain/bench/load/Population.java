package io.refrain.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The listeners one run plays: a random sample of the generated users ({@code bench-user-…},
 * sparse ones included in their 10 % share) with a track each plays, its album and artist, a
 * word of its title to search for, and their own playlists. The sample is written to the tables
 * {@code bench_sample} / {@code bench_sample_playlist} (sample.sql) so the pgbench ceiling draws
 * from the same rows; then every sampled user logs in through the API, as a real client would,
 * and reads their listener profile once ({@code GET /api/v1/me/profile}), so that each has a stored
 * profile before the load starts (recommendations from {@code profile=me} are measured for a
 * listener with a profile, not for a first request that computes it).
 */
public record Population(List<Listener> listeners, int playlists) {

    public record Listener(int n, UUID userId, String email, boolean sparse, long trackId, long albumId,
                           long artistId, String term, String prefix, List<UUID> playlists, String token) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Population sample(BenchDatabase db, String baseUrl, int samples, double seed) throws Exception {
        List<Listener> picked = new ArrayList<>();
        int playlistCount;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            String users = "select count(*) from users where email like 'bench-user-%@refrain.bench'";
            try (ResultSet rs = st.executeQuery(users)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new IllegalStateException("no benchmark users in " + db.jdbcUrl()
                            + ": run ./refrain bench generate --preset small first (same --data-dir)");
                }
            }
            for (String sql : sampleSql(samples, seed)) {
                st.execute(sql);
            }
            Map<UUID, List<UUID>> playlists = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select user_id, playlist_id from bench_sample_playlist order by n")) {
                while (rs.next()) {
                    playlists.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                }
            }
            playlistCount = playlists.values().stream().mapToInt(List::size).sum();
            try (ResultSet rs = st.executeQuery("""
                    select n, user_id, email, sparse, track_id, album_id, artist_id, term, prefix
                    from bench_sample order by n""")) {
                while (rs.next()) {
                    UUID id = rs.getObject(2, UUID.class);
                    picked.add(new Listener(rs.getInt(1), id, rs.getString(3), rs.getBoolean(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                            playlists.getOrDefault(id, List.of()), null));
                }
            }
        }
        return new Population(logIn(baseUrl, picked), playlistCount);
    }

    static List<String> sampleSql(int samples, double seed) throws IOException {
        try (InputStream in = Population.class.getResourceAsStream("sample.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(":samples", String.valueOf(samples))
                    .replace(":seed", String.valueOf(seed));
            List<String> statements = new ArrayList<>();
            for (String s : text.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!s.isBlank()) {
                    statements.add(s.strip());
                }
            }
            return statements;
        }
    }

    /**
     * Logs everybody in on two threads (bcrypt makes each login cost the server ~50 ms of CPU), and
     * has each listener's profile computed and stored (the first read of a profile computes it).
     */
    private static List<Listener> logIn(String baseUrl, List<Listener> listeners) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Listener>> done = new ArrayList<>();
            for (Listener l : listeners) {
                done.add(pool.submit(() -> withToken(http, baseUrl, l)));
            }
            List<Listener> out = new ArrayList<>();
            for (Future<Listener> f : done) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Listener withToken(HttpClient http, String baseUrl, Listener l) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", l.email(), "password", "bench-password"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/login"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + l.email() + " failed: HTTP " + response.statusCode() + " "
                    + response.body() + (response.statusCode() == 429
                    ? " (raise REFRAIN_RATE_LIMIT_AUTH_PER_ADDRESS / _PER_ACCOUNT on the server under test)" : ""));
        }
        JsonNode json = JSON.readTree(response.body());
        String token = json.get("accessToken").asText();
        HttpResponse<String> profile = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/profile"))
                .header("authorization", "Bearer " + token).header("accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (profile.statusCode() != 200) {
            throw new IllegalStateException("the profile of " + l.email() + " could not be read: HTTP "
                    + profile.statusCode() + " " + profile.body());
        }
        return new Listener(l.n(), l.userId(), l.email(), l.sparse(), l.trackId(), l.albumId(), l.artistId(),
                l.term(), l.prefix(), l.playlists(), token);
    }

    public long sparseCount() {
        return listeners.stream().filter(Listener::sparse).count();
    }
}
