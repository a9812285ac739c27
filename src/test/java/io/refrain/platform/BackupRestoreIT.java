package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.refrain.RefrainApplication;
import io.refrain.history.StatsCheck;
import io.refrain.platform.backup.BackupException;
import io.refrain.platform.backup.Backups;
import io.refrain.platform.backup.Restore;
import io.refrain.platform.backup.TableChecksums;
import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import io.refrain.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup taken while users keep writing restores to a copy that holds every write acknowledged
 * before the backup's stop, nothing the source never had, and statistics consistent with its
 * listens; a server started on the copy lets the same accounts log in and see their playlists.
 * A second backup of the quiet database restores to a copy equal to it table by table.
 */
class BackupRestoreIT extends IntegrationTest {

    private static final int WRITERS = 3;

    @Autowired
    Backups backups;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path work;

    record Ack(UUID user, Instant listenedAt, Instant ackedAt) {}

    record PlaylistAck(String id, Instant ackedAt) {}

    @Test
    void aBackupTakenDuringWritesRestoresEverythingAcknowledgedBeforeItsStop() throws Exception {
        assumeThat(System.getenv("REFRAIN_TEST_DATABASE_URL"))
                .as("backs up the embedded database only")
                .isNullOrEmpty();
        List<Long> tracks = jdbc.sql("select id from tracks order by id limit 40")
                .query(Long.class)
                .list();
        Instant base = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);

        // data acknowledged before the backup starts: an account with listens and a playlist
        Account before = newAccount();
        List<String> listens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            listens.add("{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}"
                    .formatted(base.minusSeconds(600L * i), tracks.get(i % tracks.size())));
        }
        api.post("/api/v1/me/listens", "{\"listens\": [" + String.join(",", listens) + "]}", before.accessToken())
                .assertStatus(200);
        String playlist = api.post(
                        "/api/v1/playlists",
                        Json.of("name", "Before the backup", "public", false),
                        before.accessToken())
                .assertStatus(201)
                .text("id");
        api.post(
                        "/api/v1/playlists/" + playlist + "/tracks",
                        Json.of("trackIds", tracks.subList(0, 10)),
                        before.accessToken())
                .assertStatus(201);

        // writers go on during the whole backup: single listens, new playlists with a track
        List<Account> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(newAccount());
        }
        var acks = new ConcurrentLinkedQueue<Ack>();
        var playlistAcks = new ConcurrentLinkedQueue<PlaylistAck>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (Account writer : writers) {
            running.add(pool.submit(() -> write(writer, tracks, base, stop, acks, playlistAcks)));
        }
        while (acks.size() < 10) {
            Thread.sleep(20);
        }
        Path file = work.resolve("during-writes.tar.gz");
        Backups.Written written = backups.write(file, false);
        Thread.sleep(300); // a little more writing after the stop, which the copy must not hold
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        List<Ack> ackedBeforeStop = acks.stream()
                .filter(a -> a.ackedAt().isBefore(written.stoppedAt()))
                .toList();
        List<Ack> ackedBeforeStart = acks.stream()
                .filter(a -> a.ackedAt().isBefore(written.startedAt()))
                .toList();
        assertThat(ackedBeforeStop.size())
                .as("listens acknowledged while the backup ran")
                .isGreaterThan(ackedBeforeStart.size());
        assertThat(acks.size()).as("listens acknowledged after its stop").isGreaterThan(ackedBeforeStop.size());

        System.out.printf(
                "backup during writes: %,d bytes in %d ms; listens acknowledged before its start %d, before its stop %d, in all %d%n",
                written.fileBytes(),
                written.took().toMillis(),
                ackedBeforeStart.size(),
                ackedBeforeStop.size(),
                acks.size());

        Path restoredDir = work.resolve("restored");
        Restore.Restored restored = new Restore(file, restoredDir, false, false, false).run();
        assertThat(Files.readString(restoredDir.resolve("secrets/jwt.key")))
                .isEqualTo(Files.readString(TestDatabase.DATA_DIR.resolve("secrets/jwt.key")));
        assertThatThrownBy(() -> new Restore(file, restoredDir, false, false, false).run())
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("already holds data");

        try (ConfigurableApplicationContext copy = start(restoredDir)) {
            JdbcClient restoredJdbc = copy.getBean(JdbcClient.class);
            Set<UUID> users = writers.stream().map(Account::id).collect(Collectors.toSet());
            users.add(before.id());

            // every listen acknowledged before the stop is there; nothing is there that the source lacks
            Set<String> restoredListens = listenKeys(restoredJdbc, users);
            Set<String> sourceListens = listenKeys(jdbc, users);
            for (Ack ack : ackedBeforeStop) {
                assertThat(restoredListens).contains(ack.user() + "@" + ack.listenedAt());
            }
            assertThat(sourceListens).containsAll(restoredListens);
            assertThat(restoredListens.size()).isLessThan(sourceListens.size());
            for (PlaylistAck ack : playlistAcks) {
                if (ack.ackedAt().isBefore(written.stoppedAt())) {
                    assertThat(restoredJdbc
                                    .sql("select count(*) from playlists where id = ?::uuid")
                                    .param(ack.id())
                                    .query(Long.class)
                                    .single())
                            .as("playlist " + ack.id())
                            .isOne();
                }
            }
            // the data written before the backup, row for row
            for (String sql : List.of(
                    "select id, email, password_hash, display_name, created_at from users where id = :user",
                    "select listened_at, track_id, ms_played, skipped from listens where user_id = :user order by listened_at",
                    "select id, name, track_count, version from playlists where user_id = :user order by id",
                    "select e.id, e.track_id, e.position from playlist_entries e join playlists p on p.id = e.playlist_id"
                            + " where p.user_id = :user order by e.id")) {
                assertThat(restoredJdbc
                                .sql(sql)
                                .param("user", before.id())
                                .query()
                                .listOfRows())
                        .as(sql)
                        .isEqualTo(
                                jdbc.sql(sql).param("user", before.id()).query().listOfRows());
            }
            // one consistent moment: the statistics equal a recomputation from the restored listens
            for (UUID user : users) {
                StatsCheck.assertConsistent(restoredJdbc, user);
            }

            // the restored server answers the same account with the same listens and playlists
            Api restoredApi = new Api(port(copy), Api.randomAddress());
            String token = restoredApi
                    .post("/api/v1/auth/login", Json.of("email", before.email(), "password", before.password()))
                    .assertStatus(200)
                    .text("accessToken");
            var playlists = restoredApi
                    .get("/api/v1/me/playlists", token)
                    .assertStatus(200)
                    .json();
            assertThat(playlists.toString()).contains(playlist);
            assertThat(restoredApi
                            .get("/api/v1/me/recently-played?limit=50", token)
                            .assertStatus(200)
                            .json()
                            .path("items")
                            .size())
                    .isEqualTo(50);
        }

        // with the writers stopped, a backup restores to a copy equal to the source, table by table
        Map<String, TableChecksums.Table> sourceBefore = checksums();
        Path quiet = work.resolve("quiet.tar");
        backups.write(quiet, false);
        Map<String, TableChecksums.Table> sourceAfter = checksums();
        Map<String, TableChecksums.Table> copy = new Restore(quiet, work.resolve("quiet"), false, true, false)
                .run()
                .tables();
        assertThat(copy.keySet()).isEqualTo(sourceAfter.keySet());
        int compared = 0;
        for (var table : sourceAfter.entrySet()) {
            if (table.getValue().equals(sourceBefore.get(table.getKey()))) { // background jobs may write meanwhile
                assertThat(copy.get(table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
                compared++;
            }
        }
        for (String core : List.of("users", "playlists", "playlist_entries", "listen_totals", "listen_stats_tracks")) {
            assertThat(copy.get(core)).as(core).isEqualTo(sourceAfter.get(core));
        }
        assertThat(compared).isGreaterThan(sourceAfter.size() / 2);
        assertThat(restored.migrations())
                .as("every migration of the source")
                .isEqualTo(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Integer.class)
                        .single());
    }

    private void write(
            Account writer,
            List<Long> tracks,
            Instant base,
            AtomicBoolean stop,
            ConcurrentLinkedQueue<Ack> acks,
            ConcurrentLinkedQueue<PlaylistAck> playlistAcks) {
        Api client = new Api(port, Api.randomAddress());
        for (int i = 0; !stop.get(); i++) {
            Instant at = base.minusSeconds(7L * i);
            String body =
                    "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}".formatted(at, tracks.get(i % tracks.size()));
            client.post("/api/v1/me/listens", body, writer.accessToken()).assertStatus(200);
            acks.add(new Ack(writer.id(), at, Instant.now()));
            if (i % 10 == 0) {
                String id = client.post(
                                "/api/v1/playlists",
                                Json.of("name", "During " + i, "public", false),
                                writer.accessToken())
                        .assertStatus(201)
                        .text("id");
                client.post(
                                "/api/v1/playlists/" + id + "/tracks",
                                Json.of("trackIds", List.of(tracks.get(i % tracks.size()))),
                                writer.accessToken())
                        .assertStatus(201);
                playlistAcks.add(new PlaylistAck(id, Instant.now()));
            }
        }
    }

    private static Set<String> listenKeys(JdbcClient jdbc, Set<UUID> users) {
        return jdbc.sql("select user_id, listened_at from listens where user_id = any(:users)")
                .param("users", users.toArray(UUID[]::new))
                .query((rs, n) ->
                        rs.getObject(1, UUID.class) + "@" + rs.getTimestamp(2).toInstant())
                .set();
    }

    private Map<String, TableChecksums.Table> checksums() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return TableChecksums.of(connection);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplication(RefrainApplication.class)
                .run(
                        "--server.port=0",
                        "--refrain.data-dir=" + dataDir,
                        "--refrain.database.url=",
                        "--spring.jmx.enabled=false",
                        "--refrain.catalog.load-demo=false",
                        "--refrain.catalog.musicbrainz.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
