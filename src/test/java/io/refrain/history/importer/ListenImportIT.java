package io.refrain.history.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ListenImportIT extends IntegrationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/history/imports");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ImportListensCommand command;

    @Autowired
    InterruptedImports interrupted;

    @Autowired
    ImportHeartbeat heartbeat;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Streaming_History_Audio_2023.json",
                "StreamingHistory0.json",
                "listenbrainz_export.json",
                "listens.jsonl",
                "pingw33n_scrobbles.csv",
                "krishkumar_scrobbles.csv",
                "zsteve_scrobbles.csv",
                "Djivs_scrobbles.csv",
                "SachaWheeler_scrobbles.csv",
                "spacedlevo_scrobbles.csv.gz"
            })
    void everyFormatImportsAndTheDryRunSaidExactlyWhatWouldHappen(String fixture) throws Exception {
        var user = newAccount();
        Path file = FIXTURES.resolve(fixture);

        JsonNode dry =
                finished(upload(user.accessToken(), file, "dryRun=true&fileName=" + fixture), user.accessToken());
        assertThat(dry.path("status").asString()).isEqualTo("done");
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(listens(user.id())).isZero();
        assertThat(dry.path("added").asLong()).isPositive();
        assertThat(dry.path("added").asLong()
                        + dry.path("duplicates").asLong()
                        + dry.path("skipped").asLong())
                .isEqualTo(dry.path("rowsRead").asLong());

        JsonNode real = finished(upload(user.accessToken(), file, "fileName=" + fixture), user.accessToken());
        for (String field : List.of(
                "rowsRead", "added", "duplicates", "skipped", "tracksCreated", "format", "firstListen", "lastListen")) {
            assertThat(real.path(field)).as(field).isEqualTo(dry.path(field));
        }
        assertThat(real.path("skippedByReason")).isEqualTo(dry.path("skippedByReason"));
        assertThat(listens(user.id())).isEqualTo(real.path("added").asLong());
        assertThat(skippedRows(user.accessToken(), real.path("id").asLong())).hasSize((int)
                (real.path("skipped").asLong() + real.path("duplicates").asLong()));
        io.refrain.history.StatsCheck.assertConsistent(jdbc, user.id());

        JsonNode again = finished(upload(user.accessToken(), file, "fileName=" + fixture), user.accessToken());
        assertThat(again.path("added").asLong()).isZero();
        assertThat(again.path("duplicates").asLong())
                .isEqualTo(real.path("added").asLong() + real.path("duplicates").asLong());

        JsonNode undone = api.post(
                        "/api/v1/me/listen-imports/" + real.path("id").asLong() + "/undo", null, user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(undone.path("status").asString()).isEqualTo("undone");
        assertThat(listens(user.id())).isZero();
        io.refrain.history.StatsCheck.assertConsistent(jdbc, user.id());
        assertThat(jdbc.sql("select count(*) from listen_totals where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
        api.post("/api/v1/me/listen-imports/" + real.path("id").asLong() + "/undo", null, user.accessToken())
                .assertProblem(409, "import-not-undoable");
        api.post("/api/v1/me/listen-imports/" + dry.path("id").asLong() + "/undo", null, user.accessToken())
                .assertProblem(409, "import-not-undoable");
    }

    @Test
    void theSamePlaysFromSpotifyAndFromAScrobblerCountOnce(@TempDir Path dir) throws Exception {
        var user = newAccount();
        String artist = "Cross Source " + UUID.randomUUID();
        Instant start = Instant.parse("2023-03-04T10:00:00Z");
        // Spotify stamps the end of a play to the minute; the scrobbler stamps its start
        StringBuilder spotify = new StringBuilder("[\n");
        StringBuilder lastfm = new StringBuilder("uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n");
        for (int i = 0; i < 5; i++) {
            Instant began = start.plusSeconds(i * 240L);
            Instant ended = began.plusSeconds(200);
            String minute = ended.toString().substring(0, 16).replace('T', ' ');
            spotify.append(i == 0 ? "" : ",\n")
                    .append(
                            "  {\n    \"endTime\" : \"%s\",\n    \"artistName\" : \"%s\",\n    \"trackName\" : \"Song %d\",\n    \"msPlayed\" : 200000\n  }"
                                    .formatted(minute, artist, i));
            lastfm.append("\"%d\",\"x\",\"%s\",\"\",\"\",\"\",\"Song %d\",\"\"\n"
                    .formatted(began.plusSeconds(3).getEpochSecond(), artist, i));
        }
        // and one play only the scrobbler saw
        lastfm.append("\"%d\",\"x\",\"%s\",\"\",\"\",\"\",\"Song 9\",\"\"\n"
                .formatted(start.plusSeconds(3600).getEpochSecond(), artist));
        Path spotifyFile = Files.writeString(
                dir.resolve("StreamingHistory0.json"), spotify.append("\n]").toString());
        Path lastfmFile = Files.writeString(dir.resolve("scrobbles.csv"), lastfm.toString());

        JsonNode first = finished(
                upload(user.accessToken(), spotifyFile, "fileName=StreamingHistory0.json"), user.accessToken());
        assertThat(first.path("added").asLong()).isEqualTo(5);
        JsonNode second =
                finished(upload(user.accessToken(), lastfmFile, "fileName=scrobbles.csv"), user.accessToken());
        assertThat(second.path("added").asLong()).isEqualTo(1);
        assertThat(second.path("duplicates").asLong()).isEqualTo(5);
        assertThat(second.path("tracksCreated").asLong()).isEqualTo(1);
        assertThat(listens(user.id())).isEqualTo(6);
    }

    @Test
    void theCommandLineImportsForAUserByEmail() {
        var user = newAccount();
        String file = FIXTURES.resolve("Djivs_scrobbles.csv").toString();
        assertThat(command.run(List.of("--user", user.email(), "--dry-run", file)))
                .isZero();
        assertThat(listens(user.id())).isZero();
        assertThat(command.run(List.of("--user", user.email(), file))).isZero();
        long added = listens(user.id());
        assertThat(added).isPositive();
        assertThat(jdbc.sql("select count(*) from listen_imports where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> command.run(List.of("--user", "nobody@refrain.test", file)))
                .hasMessageContaining("no account");
    }

    @Test
    void anUnknownFormatIsRefusedAndImportsArePrivate(@TempDir Path dir) throws Exception {
        var user = newAccount();
        Path junk = Files.writeString(dir.resolve("notes.txt"), "just some notes\nnothing to import\n");
        HttpResponse<String> response = send(user.accessToken(), junk, "fileName=notes.txt");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Spotify");

        JsonNode batch =
                finished(upload(user.accessToken(), FIXTURES.resolve("listens.jsonl"), ""), user.accessToken());
        var other = newAccount();
        api.get("/api/v1/me/listen-imports/" + batch.path("id").asLong(), other.accessToken())
                .assertProblem(404, "not-found");
        api.post("/api/v1/me/listen-imports/" + batch.path("id").asLong() + "/undo", null, other.accessToken())
                .assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/me/listen-imports", other.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/me/listen-imports", user.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anImportWhoseServerStoppedIsMarkedFailedAndCanBeUndoneButALiveOneIsLeftAlone() {
        var user = newAccount();
        Instant now = clock.instant();
        long stopped = running(user.id(), now.minus(ImportHeartbeat.STALE_AFTER).minusSeconds(60)); // never beat since
        long lostItsServer = running(user.id(), now.minus(Duration.ofHours(1)));
        jdbc.sql("update listen_imports set heartbeat_at = :at where id = :id")
                .param(
                        "at",
                        Timestamp.from(now.minus(ImportHeartbeat.STALE_AFTER).minusSeconds(1)))
                .param("id", lostItsServer)
                .update();
        long onAnotherServer = running(user.id(), now.minus(Duration.ofHours(1)));
        heartbeat.started(onAnotherServer); // stands for another live server's heartbeat
        heartbeat.beat();
        heartbeat.ended(onAnotherServer);

        interrupted.markFailed(); // what a starting server does, and one server every minute
        for (long id : List.of(stopped, lostItsServer)) {
            JsonNode batch = api.get("/api/v1/me/listen-imports/" + id, user.accessToken())
                    .assertStatus(200)
                    .json();
            assertThat(batch.path("status").asString()).isEqualTo("failed");
            assertThat(batch.path("error").asString()).contains("stopped");
        }
        api.post("/api/v1/me/listen-imports/" + stopped + "/undo", null, user.accessToken())
                .assertStatus(200);
        assertThat(api.get("/api/v1/me/listen-imports/" + onAnotherServer, user.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("status")
                        .asString())
                .as("a live import elsewhere is not touched")
                .isEqualTo("running");

        clock.advance(ImportHeartbeat.STALE_AFTER.plusSeconds(1)); // that server dies: no more heartbeats
        interrupted.markFailed();
        assertThat(api.get("/api/v1/me/listen-imports/" + onAnotherServer, user.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("failed");
    }

    private long running(UUID user, Instant startedAt) {
        return jdbc.sql("""
                        insert into listen_imports (user_id, format, dry_run, status, started_at)
                        values (:u, 'lastfm_csv', false, 'running', :at) returning id""")
                .param("u", user)
                .param("at", Timestamp.from(startedAt))
                .query(Long.class)
                .single();
    }

    private long listens(UUID user) {
        return jdbc.sql("select count(*) from listens where user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private List<JsonNode> skippedRows(String token, long id) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/me/listen-imports/" + id + "/skipped?limit=500" + cursor, token)
                    .assertStatus(200)
                    .json();
            page.path("items").forEach(rows::add);
            cursor = page.path("next").isNull()
                    ? null
                    : "&cursor=" + page.path("next").asString();
        } while (cursor != null);
        return rows;
    }

    private JsonNode upload(String token, Path file, String query) throws Exception {
        HttpResponse<String> response = send(token, file, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String token, Path file, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/me/listen-imports?" + query))
                .header("authorization", "Bearer " + token)
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private JsonNode finished(JsonNode batch, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode current = batch;
        while (current.path("status").asString().equals("running")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import still running: " + current);
            }
            Thread.sleep(100);
            current = api.get("/api/v1/me/listen-imports/" + batch.path("id").asLong(), token)
                    .assertStatus(200)
                    .json();
        }
        return current;
    }
}
