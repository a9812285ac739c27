package io.refrain.history.importer;

import static io.refrain.history.importer.ListenExportFixtures.READER;
import static io.refrain.history.importer.ListenExportFixtures.fixture;
import static io.refrain.history.importer.ListenExportFixtures.listenAt;
import static io.refrain.history.importer.ListenExportFixtures.outcomes;
import static io.refrain.history.importer.ListenExportFixtures.readAll;
import static io.refrain.history.importer.ListenExportFixtures.skippedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixtures are slices of the real exports in ../shared/data/listens next to the project (see its README). */
class ListenExportReaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "Streaming_History_Audio_2023.json, SPOTIFY_EXTENDED",
        "StreamingHistory0.json, SPOTIFY_ACCOUNT_DATA",
        "listenbrainz_export.json, LISTENBRAINZ_JSON",
        "listens.jsonl, LISTENBRAINZ_JSONL",
        "SachaWheeler_scrobbles.csv, LASTFM_CSV",
        "Djivs_scrobbles.csv, LASTFM_CSV",
        "pingw33n_scrobbles.csv, LASTFM_CSV",
        "krishkumar_scrobbles.csv, LASTFM_CSV",
        "zsteve_scrobbles.csv, LASTFM_CSV",
        "spacedlevo_scrobbles.csv.gz, LASTFM_CSV",
    })
    void detectsEveryFormat(String file, ExportFormat expected) throws IOException {
        assertThat(READER.detect(fixture(file))).isEqualTo(expected);
    }

    @Test
    void contentWinsOverAMisleadingName() throws IOException {
        Path extendedAsCsv = copy("Streaming_History_Audio_2023.json", "scrobbles.csv");
        Path csvAsSpotify = copy("pingw33n_scrobbles.csv", "StreamingHistory1.json");
        Path accountAsExtended = copy("StreamingHistory0.json", "Streaming_History_Audio_2021.json");
        Path gzWithoutSuffix = copy("spacedlevo_scrobbles.csv.gz", "upload.bin");

        assertThat(READER.detect(extendedAsCsv)).isEqualTo(ExportFormat.SPOTIFY_EXTENDED);
        assertThat(READER.detect(csvAsSpotify)).isEqualTo(ExportFormat.LASTFM_CSV);
        assertThat(READER.detect(accountAsExtended)).isEqualTo(ExportFormat.SPOTIFY_ACCOUNT_DATA);
        assertThat(READER.detect(gzWithoutSuffix)).isEqualTo(ExportFormat.LASTFM_CSV);
        assertThat(outcomes(readAll(extendedAsCsv))).containsEntry("LISTEN", 7L);
        assertThat(readAll(gzWithoutSuffix)).hasSize(30);
    }

    @Test
    void anEmptyArrayFallsBackToTheSpotifyFileName() throws IOException {
        assertThat(READER.detect(write("Streaming_History_Audio_2025.json", "[]\n")))
                .isEqualTo(ExportFormat.SPOTIFY_EXTENDED);
        assertThat(READER.detect(write("StreamingHistory_music_0.json", "[ ]")))
                .isEqualTo(ExportFormat.SPOTIFY_ACCOUNT_DATA);
        assertThat(readAll(write("StreamingHistory_music_1.json", "[]"))).isEmpty();
    }

    @Test
    void unknownContentNamesTheFileAndTheKnownFormats() throws IOException {
        Path notes = write("notes.txt", "dear diary,\ntoday I listened to music\n");
        assertThatThrownBy(() -> READER.detect(notes))
                .isInstanceOf(UnknownExportFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("Last.fm scrobbles CSV")
                .hasMessageContaining("Spotify extended streaming history");
        assertThatThrownBy(() -> READER.detect(write("other.json", "[{\"foo\": 1}]")))
                .isInstanceOf(UnknownExportFormatException.class)
                .hasMessageContaining("foo");
        assertThatThrownBy(() -> READER.detect(write("empty.json", "  \n")))
                .isInstanceOf(UnknownExportFormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> READER.read(write("blob", "[]"))).isInstanceOf(UnknownExportFormatException.class);
    }

    @Test
    void spotifyExtended() {
        List<ExportRow> rows = readAll(fixture("Streaming_History_Audio_2023.json"));

        assertThat(rows).hasSize(30);
        assertThat(rows)
                .extracting(ExportRow::position)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());
        assertThat(outcomes(rows)).isEqualTo(Map.of("LISTEN", 7L, "TOO_SHORT", 17L, "NOT_MUSIC", 6L));
        // record 9: ts 2023-02-19T08:53:14Z, ms_played 54117 -> started 08:52:19.883
        assertThat(listenAt(rows, 9))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2023-02-19T08:52:19.883Z"),
                        "Alan Walker",
                        "Faded",
                        "Faded",
                        54117,
                        false,
                        null,
                        "7gHs73wELdeycvS48JfIos",
                        null,
                        null,
                        null,
                        null,
                        "android"));
        ExportedListen apollo = listenAt(rows, 16); // ts 10:15:46Z - 100428 ms
        assertThat(apollo.listenedAt()).isEqualTo(Instant.parse("2023-02-19T10:14:05.572Z"));
        assertThat(apollo.skipped()).isTrue();
        assertThat(apollo.title()).isEqualTo("Apollo - Sinnon Nightcore Remix");
        assertThat(skippedAt(rows, 1))
                .isEqualTo(new ExportRow.Skipped(1, SkipReason.TOO_SHORT, "played 15.8 s, less than 30 s"));
        assertThat(skippedAt(rows, 11).reason()).isEqualTo(SkipReason.NOT_MUSIC);
        assertThat(skippedAt(rows, 11).detail()).contains("Welcome to Mythical Monsters");
    }

    @Test
    void spotifyAccountData() {
        List<ExportRow> rows = readAll(fixture("StreamingHistory0.json"));

        assertThat(rows).hasSize(30);
        assertThat(outcomes(rows)).isEqualTo(Map.of("LISTEN", 25L, "TOO_SHORT", 5L));
        // {"endTime" : "2021-10-06 01:44", "artistName" : "Hoogway", "trackName" : "Forever More", "msPlayed" : 79058}
        assertThat(listenAt(rows, 1))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2021-10-06T01:42:40.942Z"),
                        "Hoogway",
                        "Forever More",
                        null,
                        79058,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(skippedAt(rows, 9).detail()).isEqualTo("played 2.2 s, less than 30 s");
    }

    @Test
    void spotifyPodcastHistoryIsNotMusic() throws IOException {
        Path podcasts = write("StreamingHistory_podcast_0.json", """
                [
                  {
                    "endTime" : "2023-01-05 07:12",
                    "podcastName" : "The Daily",
                    "episodeName" : "A Big Day",
                    "msPlayed" : 1500000
                  }
                ]""");
        assertThat(readAll(podcasts))
                .singleElement()
                .extracting(ListenExportFixtures::outcome)
                .isEqualTo("NOT_MUSIC");
    }

    @Test
    void listenBrainzJsonLines() {
        List<ExportRow> rows = readAll(fixture("listens.jsonl"));

        // line 3 is blank: positions are line numbers, so they skip it
        assertThat(rows).extracting(ExportRow::position).containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
        assertThat(listenAt(rows, 1))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2024-10-16T20:55:00Z"),
                        "Portishead",
                        "Roads",
                        "Dummy",
                        null,
                        null,
                        305066,
                        "1Cl6gKyC7hxQ3a1cIVxK4j",
                        "GBAAN9400043",
                        "a1c35a51-d102-4ce7-aca7-49a0ce2a9c3d",
                        "8f6bd1e4-fbe1-4f50-aa9b-94c450ec0f11",
                        "76df3287-6cda-33eb-8e9a-044b5e15ffdd",
                        "listenbrainz"));
        // no ids in additional_info: mbid_mapping fills in; duration in seconds; empty client -> media_player
        assertThat(listenAt(rows, 2))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2024-10-16T21:00:06Z"),
                        "Massive Attack",
                        "Teardrop",
                        "Mezzanine",
                        null,
                        null,
                        330_000,
                        null,
                        null,
                        "d8a7f4b6-0c4e-4c8e-9b1a-3f2e1d0c9b8a",
                        "10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8",
                        "e2a1c5d7-1b3f-4a6e-8c9d-0f1e2d3c4b5a",
                        "mpv"));
        assertThat(skippedAt(rows, 4)).isEqualTo(new ExportRow.Skipped(4, SkipReason.UNPARSEABLE, "no title"));
        assertThat(skippedAt(rows, 5).reason()).isEqualTo(SkipReason.OUT_OF_RANGE);
        assertThat(skippedAt(rows, 5).detail()).contains("1970-01-01T00:00:00Z");
        assertThat(skippedAt(rows, 6).detail()).isEqualTo("record is an array, expected an object");
        // the cut-off last line costs only itself
        assertThat(skippedAt(rows, 7).reason()).isEqualTo(SkipReason.UNPARSEABLE);
        assertThat(skippedAt(rows, 7).detail()).startsWith("line 7 is not JSON");
    }

    @Test
    void listenBrainzJsonArray() {
        List<ExportRow> rows = readAll(fixture("listenbrainz_export.json"));

        assertThat(rows).hasSize(2).allMatch(r -> r instanceof ExportRow.Listen);
        assertThat(listenAt(rows, 2).recordingMbid()).isEqualTo("d8a7f4b6-0c4e-4c8e-9b1a-3f2e1d0c9b8a");
    }

    @Test
    void lastFmExportWithUtsAndMbids() {
        List<ExportRow> rows = readAll(fixture("SachaWheeler_scrobbles.csv"));

        assertThat(rows).hasSize(30).allMatch(r -> r instanceof ExportRow.Listen);
        // "1720688852","11 Jul 2024, 09:07","The Cure","69ee...","Faith","0b4a...","Primary","5890..."
        assertThat(listenAt(rows, 1))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2024-07-11T09:07:32Z"),
                        "The Cure",
                        "Primary",
                        "Faith",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "58900088-3e21-41d5-a2f6-44f3c34e056b",
                        "69ee3720-a7cb-4402-b48d-a02c366f2bcf",
                        "0b4ab1bb-c382-349e-af18-592e702c6bc6",
                        null));
        ExportedListen gogos = listenAt(rows, 2);
        assertThat(gogos.artist()).isEqualTo("Go‐Go’s");
        assertThat(gogos.artistMbid()).isNull();
        assertThat(gogos.recordingMbid()).isNull();
    }

    @Test
    void lastFmUtcTimeWithEmptyAlbums() {
        List<ExportRow> rows = readAll(fixture("Djivs_scrobbles.csv"));

        assertThat(rows).hasSize(30).allMatch(r -> r instanceof ExportRow.Listen);
        assertThat(listenAt(rows, 1).listenedAt()).isEqualTo(Instant.parse("2023-01-24T09:42:00Z"));
        assertThat(listenAt(rows, 1).artist()).isEqualTo("*67");
        // "24 Jan 2023, 08:55",Frank Sinatra,,Balls in Yo Jaws (Remastered)
        assertThat(listenAt(rows, 4).album()).isNull();
        assertThat(listenAt(rows, 4).title()).isEqualTo("Balls in Yo Jaws (Remastered)");
    }

    @Test
    void lastFmHeaderlessWithNowPlayingLine() {
        List<ExportRow> rows = readAll(fixture("pingw33n_scrobbles.csv"));

        assertThat(rows).hasSize(30);
        assertThat(skippedAt(rows, 1))
                .isEqualTo(new ExportRow.Skipped(1, SkipReason.UNPARSEABLE, "no time (a now-playing entry?)"));
        assertThat(listenAt(rows, 2))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2020-11-20T09:35:00Z"),
                        "Biome",
                        "Let Me",
                        "Kora",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(outcomes(rows)).isEqualTo(Map.of("LISTEN", 29L, "UNPARSEABLE", 1L));
    }

    @Test
    void lastFmTimestampZeroIsOutOfRange() {
        List<ExportRow> rows = readAll(fixture("krishkumar_scrobbles.csv"));

        assertThat(outcomes(rows)).isEqualTo(Map.of("LISTEN", 27L, "OUT_OF_RANGE", 9L));
        assertThat(listenAt(rows, 1).listenedAt()).isEqualTo(Instant.parse("2018-09-08T11:52:44Z"));
        assertThat(listenAt(rows, 1).releaseMbid()).isEqualTo("97c3ab39-fc2d-4596-a1d0-5690cc80c253");
        // file line 16862 of the original (data record 28 here): Preetam,,,,Kya Mujhe Pyaar Hai (remix),,0,1970-...
        assertThat(skippedAt(rows, 28))
                .isEqualTo(new ExportRow.Skipped(
                        28, SkipReason.OUT_OF_RANGE, "time 1970-01-01T00:00:00Z is before 2002-10-01T00:00:00Z"));
    }

    @Test
    void lastFmRowNumbersAndNaiveTimes() {
        List<ExportRow> rows = readAll(fixture("zsteve_scrobbles.csv"));

        assertThat(rows).hasSize(30).allMatch(r -> r instanceof ExportRow.Listen);
        assertThat(listenAt(rows, 1))
                .isEqualTo(new ExportedListen(
                        Instant.parse("2020-04-13T05:01:31Z"),
                        "Dark Tranquillity",
                        "The Same - remastered version 2009",
                        "Haven (re-issue + Bonus)",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void gzippedLastFmWithIsoTimes() {
        List<ExportRow> rows = readAll(fixture("spacedlevo_scrobbles.csv.gz"));

        assertThat(rows).hasSize(30).allMatch(r -> r instanceof ExportRow.Listen);
        ExportedListen first = listenAt(rows, 1);
        assertThat(first.listenedAt()).isEqualTo(Instant.parse("2023-01-02T21:43:44Z"));
        assertThat(first.artist()).isEqualTo("New Order");
        assertThat(first.artistMbid()).isNull();
        assertThat(first.releaseMbid()).isEqualTo("96fffc70-b101-4654-9027-727b94f0f75c");
    }

    @ParameterizedTest
    @CsvSource({
        "Streaming_History_Audio_2023.json",
        "spacedlevo_scrobbles.csv.gz",
        "pingw33n_scrobbles.csv",
        "listens.jsonl"
    })
    void progressReachesTheFileSize(String name) throws IOException {
        Path file = fixture(name);
        AtomicLong last = new AtomicLong(-1);
        AtomicLong calls = new AtomicLong();
        try (Stream<ExportRow> rows = READER.read(file, bytes -> {
            assertThat(bytes).isGreaterThanOrEqualTo(last.get());
            last.set(bytes);
            calls.incrementAndGet();
        })) {
            assertThat(rows.count()).isPositive();
        }
        assertThat(last.get()).isEqualTo(Files.size(file));
        assertThat(calls.get()).isPositive();
    }

    @Test
    void uploadsAreReadFromAnInputStream() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("StreamingHistory0.json"));
        AtomicLong progress = new AtomicLong();
        try (Stream<ExportRow> rows = READER.read(new ByteArrayInputStream(bytes), "my upload", progress::set)) {
            assertThat(rows.filter(r -> r instanceof ExportRow.Listen).count()).isEqualTo(25);
        }
        assertThat(progress.get()).isEqualTo(bytes.length);
    }

    @Test
    void truncatedJsonKeepsTheRecordsBeforeAndEndsWithOneUnparseableRow() throws IOException {
        String json = Files.readString(fixture("Streaming_History_Audio_2023.json"));
        // cut inside record 12 (its "ts" line is the 12th)
        int cut = json.indexOf("\"ts\": \"2023-02-19T09:44:19Z\"") + 10;
        List<ExportRow> rows = readAll(write("Streaming_History_Audio_2023.json", json.substring(0, cut)));

        assertThat(rows).hasSize(12);
        assertThat(rows.subList(0, 11))
                .extracting(ExportRow::position)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        ExportRow.Skipped last = (ExportRow.Skipped) rows.get(11);
        assertThat(last.position()).isEqualTo(12);
        assertThat(last.reason()).isEqualTo(SkipReason.UNPARSEABLE);
        assertThat(last.detail()).startsWith("broken JSON in record 12 at line").contains("reading stopped");
    }

    @Test
    void jsonCutBetweenRecordsSaysTheArrayIsNotClosed() throws IOException {
        String json = Files.readString(fixture("StreamingHistory0.json"));
        int cut = json.indexOf("},", json.indexOf("Forever More")) + 2; // after record 1
        List<ExportRow> rows = readAll(write("StreamingHistory0.json", json.substring(0, cut)));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1))
                .isEqualTo(new ExportRow.Skipped(
                        2,
                        SkipReason.UNPARSEABLE,
                        "file ends after record 1 without closing the JSON array (truncated?)"));
    }

    @Test
    void badRecordsAreSkippedOneByOne() throws IOException {
        String longName = "x".repeat(501);
        Path file = write("StreamingHistory9.json", """
                [
                  {"endTime" : "2021-10-06 01:44", "artistName" : "A\\u0000B", "trackName" : "t", "msPlayed" : 40000},
                  {"endTime" : "yesterday", "artistName" : "a", "trackName" : "t", "msPlayed" : 40000},
                  42,
                  {"endTime" : "2021-10-06 01:44", "artistName" : "%s", "trackName" : "t", "msPlayed" : 40000},
                  {"endTime" : "2021-10-06 01:44", "artistName" : "a", "trackName" : "t", "msPlayed" : "lots"},
                  {"endTime" : "2021-10-06 01:44", "artistName" : ["a"], "trackName" : "t", "msPlayed" : 40000},
                  {"endTime" : "2026-11-23 12:30", "artistName" : "a", "trackName" : "t", "msPlayed" : 60000},
                  {"endTime" : "2026-11-23 12:30", "artistName" : "a", "trackName" : "t", "msPlayed" : 0},
                  {"endTime" : "2026-11-23 13:30", "artistName" : "a", "trackName" : "t", "msPlayed" : 60000},
                  {"endTime" : "2021-10-06 01:44", "artistName" : "  ", "trackName" : "t", "msPlayed" : 40000},
                  {"endTime" : "2021-10-06 01:44", "artistName" : "  ok  ", "trackName" : " fine ", "msPlayed" : 40000},
                  {"endTime" : "2021-10-06 01:44", "artistName" : "a", "trackName" : "t", "msPlayed" : 90000000}
                ]
                """.formatted(longName));
        List<ExportRow> rows = readAll(file);

        assertThat(rows).hasSize(12);
        assertThat(skippedAt(rows, 12).detail())
                .isEqualTo("play time 90000000 ms is not between 0 and 86400000 (24 hours)");
        assertThat(skippedAt(rows, 1).detail()).isEqualTo("artist contains a NUL character: 'A\\0B'");
        assertThat(skippedAt(rows, 2).detail()).startsWith("endTime: 'yesterday' is not a time");
        assertThat(skippedAt(rows, 3).detail()).isEqualTo("record is the number 42, expected an object");
        assertThat(skippedAt(rows, 4).detail()).startsWith("artist is 501 characters long, more than 500");
        assertThat(skippedAt(rows, 5).detail()).isEqualTo("msPlayed: 'lots' is not a number");
        assertThat(skippedAt(rows, 6).detail()).isEqualTo("artistName: expected text, found an array");
        assertThat(rows.get(6))
                .isInstanceOf(
                        ExportRow.Listen.class); // started 12:29 with the clock at 12:00: within the hour of slack
        assertThat(skippedAt(rows, 8).reason()).isEqualTo(SkipReason.TOO_SHORT);
        assertThat(skippedAt(rows, 9).reason()).isEqualTo(SkipReason.OUT_OF_RANGE);
        assertThat(skippedAt(rows, 9).detail()).contains("in the future");
        assertThat(skippedAt(rows, 10).detail()).isEqualTo("no artist");
        assertThat(listenAt(rows, 11).artist()).isEqualTo("ok");
        assertThat(listenAt(rows, 11).title()).isEqualTo("fine");
        assertThat(rows.subList(0, 6)).allMatch(r -> ((ExportRow.Skipped) r).reason() == SkipReason.UNPARSEABLE);
    }

    @Test
    void brokenCsvQuoteEndsWithOneUnparseableRow() throws IOException {
        Path file = write("scrobbles.csv", """
                utc_time,artist,album,track
                "24 Jan 2023, 09:42",A,B,C
                "24 Jan 2023, 09:11",X,"never closed,Y
                "24 Jan 2023, 08:57",Fazerdaze,Break!,Break!
                """);
        List<ExportRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isInstanceOf(ExportRow.Listen.class);
        assertThat(skippedAt(rows, 2).reason()).isEqualTo(SkipReason.UNPARSEABLE);
        assertThat(skippedAt(rows, 2).detail()).startsWith("broken CSV after record 1");
    }

    @Test
    void csvRecordsWithMissingFieldsOrBadTimesAreSkipped() throws IOException {
        Path file = write("scrobbles.csv", """
                utc_time,artist,album,track
                "24 Jan 2023, 09:42",A,B
                soon,A,B,C
                "24 JAN 2023, 09:42",A,,C
                """);
        List<ExportRow> rows = readAll(file);

        assertThat(skippedAt(rows, 1).detail()).startsWith("line has 3 fields, expected 4");
        assertThat(skippedAt(rows, 2).detail()).startsWith("time 'soon' is not a time");
        assertThat(listenAt(rows, 3).listenedAt()).isEqualTo(Instant.parse("2023-01-24T09:42:00Z"));
    }

    @Test
    void readsLazily() throws IOException {
        // a ~6 MB export: taking the first row must not read much more than one parser buffer
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < 50_000; i++) {
            json.append(i == 0 ? "" : ",\n").append("""
                      {
                        "endTime" : "2021-10-06 01:44",
                        "artistName" : "Hoogway",
                        "trackName" : "Forever More",
                        "msPlayed" : 79058
                      }""");
        }
        Path big = write("StreamingHistory0.json", json.append("\n]").toString());
        AtomicLong read = new AtomicLong();
        try (Stream<ExportRow> rows = READER.read(big, read::set)) {
            assertThat(rows.findFirst()).get().isInstanceOf(ExportRow.Listen.class);
        }
        assertThat(Files.size(big)).isGreaterThan(5_000_000);
        assertThat(read.get()).isLessThan(300_000);
    }

    @Test
    void closingTheStreamClosesTheInput() throws IOException {
        AtomicLong closed = new AtomicLong();
        var in = new ByteArrayInputStream(Files.readAllBytes(fixture("zsteve_scrobbles.csv"))) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        try (Stream<ExportRow> rows = READER.read(in, "zsteve_scrobbles.csv")) {
            assertThat(rows.limit(2).count()).isEqualTo(2);
        }
        assertThat(closed.get()).isPositive();
    }

    @Test
    void listenBrainzZipExport() throws IOException {
        List<String> lines = Files.readAllLines(fixture("listens.jsonl"));
        Path zip = tmp.resolve("listenbrainz_someone_1729200000.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "user.json", "{\"user_id\": 1, \"username\": \"someone\"}");
            entry(out, "feedback.jsonl", "{\"recording_msid\": \"x\", \"score\": 1}\n");
            entry(out, "listens/2024/10.jsonl", lines.get(0) + "\n" + lines.get(1) + "\n");
            entry(out, "listens/2024/11.jsonl", lines.get(5) + "\n" + lines.get(3) + "\n");
        }
        assertThat(READER.detect(zip)).isEqualTo(ExportFormat.LISTENBRAINZ_JSONL);
        AtomicLong progress = new AtomicLong();
        List<ExportRow> rows;
        try (Stream<ExportRow> s = READER.read(zip, progress::set)) {
            rows = s.toList();
        }
        // positions run on across entries: 10.jsonl has lines 1-2, 11.jsonl lines 3-4
        assertThat(rows).extracting(ExportRow::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(listenAt(rows, 1).title()).isEqualTo("Roads");
        assertThat(listenAt(rows, 2).title()).isEqualTo("Teardrop");
        assertThat(skippedAt(rows, 3).detail())
                .isEqualTo("listens/2024/11.jsonl: record is an array, expected an object");
        // shared rules run after the zip layer, so their details carry no entry name
        assertThat(skippedAt(rows, 4).detail()).isEqualTo("no title");
        assertThat(progress.get()).isEqualTo(Files.size(zip));

        Path otherZip = tmp.resolve("photos.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(otherZip))) {
            entry(out, "cat.jpg", "meow");
        }
        assertThatThrownBy(() -> READER.detect(otherZip))
                .isInstanceOf(UnknownExportFormatException.class)
                .hasMessageContaining("photos.zip")
                .hasMessageContaining("zip");
    }

    private static void entry(java.util.zip.ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new java.util.zip.ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private Path copy(String fixture, String as) throws IOException {
        return Files.copy(fixture(fixture), tmp.resolve(as));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }
}
