package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.history.archive.ListenArchiver;
import io.refrain.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Month partitions: made ahead of time, on demand for old listens, under concurrency; archived and dropped. */
class ListenPartitionsIT extends HistoryTestSupport {

    @Autowired
    ListenPartitions partitions;

    @Autowired
    ListenArchiver archiver;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void theDailyJobCreatesTheCurrentMonthAndThreeAhead() {
        clock.advance(Duration.ofDays(40)); // into a month nobody has written to yet
        partitions.createAhead();
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        for (int i = 0; i <= ListenPartitions.MONTHS_AHEAD; i++) {
            assertThat(exists(now.plusMonths(i)))
                    .as("partition of %s", now.plusMonths(i))
                    .isTrue();
        }
        assertThat(partitions.months()).contains(now, now.plusMonths(ListenPartitions.MONTHS_AHEAD));
    }

    @Test
    void aListenOfAMonthWithoutPartitionCreatesIt() {
        var user = newAccount();
        Instant at = Instant.parse("2009-03-14T20:15:00Z");
        api.post("/api/v1/me/listens", byId(trackIds(1).getFirst(), at), user.accessToken())
                .assertStatus(200);
        assertThat(exists(YearMonth.of(2009, 3))).isTrue();
        assertThat(recentTimes(user)).containsExactly(at);
    }

    @Test
    void aReaderFindsMonthsAnotherProcessCreated() {
        // a reader whose partition list was loaded before an import (another process) made 2004's months
        var stale = new ListenPartitions(new ListenPartitionRepository(jdbc), transactions, clock);
        stale.reload();
        var user = newAccount();
        Instant at = Instant.parse("2004-06-01T10:00:00Z");
        api.post("/api/v1/me/listens", byId(trackIds(1).getFirst(), at), user.accessToken())
                .assertStatus(200);
        var reader = new ListenReader(jdbc, stale);
        assertThat(reader.recent(user.id(), null, null, 10))
                .extracting(ListenReader.Stored::listenedAt)
                .containsExactly(at);
    }

    @Test
    void concurrentWritersToANewMonthAllSucceed() throws Exception {
        List<Account> users = List.of(newAccount(), newAccount(), newAccount(), newAccount());
        List<Long> tracks = trackIds(users.size());
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            Account user = users.get(i);
            String body = byId(tracks.get(i), Instant.parse("2010-07-0%dT10:00:00Z".formatted(i + 1)));
            writes.add(() ->
                    api.post("/api/v1/me/listens", body, user.accessToken()).status());
        }
        try (var pool = Executors.newFixedThreadPool(users.size())) {
            for (Future<Integer> status : pool.invokeAll(writes)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(exists(YearMonth.of(2010, 7))).isTrue();
        assertThat(jdbc.sql("select count(*) from listens_2010_07")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void anArchivedMonthIsInItsFileAndTheExportButGoneFromTheDatabase() throws Exception {
        YearMonth month = YearMonth.of(2007, 5);
        var ann = newAccount();
        var bob = newAccount();
        List<Long> tracks = trackIds(3);
        List<Instant> annOld = List.of(
                Instant.parse("2007-05-02T08:00:00Z"),
                Instant.parse("2007-05-10T09:30:00Z"),
                Instant.parse("2007-05-31T23:59:59Z"));
        List<String> annListens = new ArrayList<>();
        for (int i = 0; i < annOld.size(); i++) {
            annListens.add(byId(tracks.get(i), annOld.get(i)));
        }
        Instant annRecent = recent(10);
        annListens.add(byId(tracks.getFirst(), annRecent));
        api.post("/api/v1/me/listens", batch(annListens), ann.accessToken()).assertStatus(200);
        api.post(
                        "/api/v1/me/listens",
                        batch(List.of(
                                byId(tracks.get(1), Instant.parse("2007-05-03T12:00:00Z")),
                                byId(tracks.get(2), Instant.parse("2007-05-04T12:00:00Z")))),
                        bob.accessToken())
                .assertStatus(200);
        assertThat(recentTimes(ann)).hasSize(4);
        var statsBefore = stats(ann);
        long rows = jdbc.sql("select count(*) from listens_2007_05")
                .query(Long.class)
                .single();

        var dryRun = archiver.archive(month, true);
        assertThat(dryRun.status()).isEqualTo(ListenArchiver.Status.DRY_RUN);
        assertThat(dryRun.rows()).isEqualTo(rows);
        Path file = TestDatabase.DATA_DIR.resolve("archive/listens/listens_2007_05.csv.gz");
        assertThat(file).doesNotExist();
        assertThat(archiver.due(1)).contains(month);

        var archived = archiver.archive(month, false);
        assertThat(archived.status()).isEqualTo(ListenArchiver.Status.ARCHIVED);
        assertThat(archived.rows()).isEqualTo(rows);
        assertThat(file).exists();
        List<String> lines = gunzipLines(file);
        assertThat(lines.getFirst()).startsWith("user_id,listened_at,track_id");
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines.stream().filter(l -> l.startsWith(ann.id().toString())))
                .hasSize(3);
        var record = jdbc.sql("select file_name, row_count, sha256 from listen_archives where month = '2007-05-01'")
                .query()
                .singleRow();
        assertThat(record).containsEntry("file_name", "listens_2007_05.csv.gz").containsEntry("row_count", rows);
        assertThat((String) record.get("sha256")).hasSize(64);
        assertThat(exists(month)).isFalse();
        assertThat(partitions.months()).doesNotContain(month);

        // statistics keep counting archived listens; recently played no longer shows them
        assertThat(stats(ann)).isEqualTo(statsBefore);
        assertThat(recentTimes(ann)).containsExactly(annRecent);

        // the export has everything, each user only their own
        List<JsonNode> annExport = export(ann);
        assertThat(annExport.stream()
                        .map(l -> Instant.ofEpochSecond(l.path("listened_at").asLong())))
                .containsExactly(annOld.get(0), annOld.get(1), annOld.get(2), annRecent);
        JsonNode first = annExport.getFirst().path("track_metadata");
        String title = jdbc.sql("select title from tracks where id = :id")
                .param("id", tracks.getFirst())
                .query(String.class)
                .single();
        assertThat(first.path("track_name").asString()).isEqualTo(title);
        assertThat(first.path("artist_name").asString()).isNotEmpty();
        assertThat(first.path("additional_info").path("refrain_track_id").asLong())
                .isEqualTo(tracks.getFirst());
        assertThat(export(bob)).hasSize(2);
        assertThat(api.get("/v3/api-docs").assertStatus(200).body()).contains("/api/v1/me/listens/export");

        // a month is archived once; the file is never overwritten
        var again = archiver.archive(month, false);
        assertThat(again.status()).isEqualTo(ListenArchiver.Status.REFUSED);
        assertThat(gunzipLines(file)).isEqualTo(lines);
    }

    private List<JsonNode> export(Account user) {
        var response = api.get("/api/v1/me/listens/export", user.accessToken()).assertStatus(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(response.header("Content-Disposition"))
                .startsWith("attachment")
                .contains(".jsonl");
        List<JsonNode> lines = new ArrayList<>();
        response.body()
                .lines()
                .filter(l -> !l.isBlank())
                .forEach(l -> lines.add(io.refrain.support.Json.MAPPER.readTree(l)));
        return lines;
    }

    private Map<String, Object> stats(Account user) {
        return jdbc.sql("""
                        select (select plays from listen_totals where user_id = :u) as plays,
                               (select first_played_at from listen_totals where user_id = :u) as first,
                               (select sum(plays) from listen_stats_tracks where user_id = :u) as track_plays,
                               (select sum(plays) from listen_months where user_id = :u) as month_plays""").param("u", user.id()).query().singleRow();
    }

    private List<Instant> recentTimes(Account user) {
        List<Instant> times = new ArrayList<>();
        api.get("/api/v1/me/recently-played?limit=50", user.accessToken())
                .assertStatus(200)
                .json()
                .path("items")
                .forEach(item -> times.add(Instant.parse(item.path("listenedAt").asString())));
        return times;
    }

    private boolean exists(YearMonth month) {
        return jdbc.sql("select to_regclass(:name) is not null")
                .param("name", "listens_%04d_%02d".formatted(month.getYear(), month.getMonthValue()))
                .query(Boolean.class)
                .single();
    }

    private static List<String> gunzipLines(Path file) throws Exception {
        try (var reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
