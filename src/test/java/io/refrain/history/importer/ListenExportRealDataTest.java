package io.refrain.history.importer;

import static io.refrain.history.importer.ListenExportFixtures.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads every real export in the shared data directory (its README documents the counts asserted
 * here). The data lives next to the project ({@code ../shared/data}, relative to the project root,
 * where Maven runs the tests); without it the tests are skipped and say why.
 */
@Tag("realdata")
class ListenExportRealDataTest {

    private static final Path DIR = Path.of("../shared/data/listens");

    @BeforeEach // per test, so each one is reported skipped with the reason (a class-level assumption reports none)
    void requireTheRealData() {
        Assumptions.assumeTrue(
                Files.isDirectory(DIR),
                "skipped: the real listening exports are not at "
                        + DIR.toAbsolutePath().normalize() + " (../shared/data/listens next to the project)");
    }

    private static Path dir() {
        return DIR;
    }

    @Test
    void spotifyAccountDataAllParses() throws IOException {
        Map<String, Long> expected = Map.of(
                "AveryData",
                8_399L,
                "becausejustyn",
                5_707L,
                "chadallison",
                24_269L,
                "katarzynajanicka",
                10_078L,
                "lukaszamora",
                33_489L,
                "mattgath",
                14_720L);
        for (var user : expected.entrySet()) {
            Map<String, Long> outcomes = new TreeMap<>();
            for (Path file : files(dir().resolve("spotify_streaming_history").resolve(user.getKey()))) {
                assertThat(READER.detect(file)).as(file.toString()).isEqualTo(ExportFormat.SPOTIFY_ACCOUNT_DATA);
                count(file).forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            }
            assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum())
                    .as(user.getKey())
                    .isEqualTo(user.getValue());
            // every record is well formed: the only skips are plays under 30 s
            assertThat(outcomes.keySet()).as(user.getKey()).isSubsetOf("LISTEN", "TOO_SHORT");
        }
    }

    @Test
    void spotifyExtended() throws IOException {
        Map<String, Long> outcomes = new TreeMap<>();
        for (Path file : files(dir().resolve("spotify_extended_history/Efrrowini"))) {
            assertThat(READER.detect(file)).isEqualTo(ExportFormat.SPOTIFY_EXTENDED);
            count(file).forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        }
        // README: 4,659 records in the 2022-2024 files; 14 of them have no track name (13 + 1)
        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4_659);
        assertThat(outcomes).containsEntry("NOT_MUSIC", 14L).doesNotContainKeys("UNPARSEABLE", "OUT_OF_RANGE");
    }

    @Test
    void lastFm() throws IOException {
        Path lastfm = dir().resolve("lastfm");
        assertThat(count(lastfm.resolve("SachaWheeler_scrobbles.csv"))).isEqualTo(Map.of("LISTEN", 11_622L));
        assertThat(count(lastfm.resolve("aleex-cs_scrobbles.csv"))).isEqualTo(Map.of("LISTEN", 6_001L));
        assertThat(count(lastfm.resolve("Djivs_scrobbles.csv"))).isEqualTo(Map.of("LISTEN", 11_387L));
        assertThat(count(lastfm.resolve("pingw33n_scrobbles.csv")))
                .isEqualTo(Map.of("LISTEN", 60_647L, "UNPARSEABLE", 303L));
        assertThat(count(lastfm.resolve("krishkumar_scrobbles.csv")))
                .isEqualTo(Map.of("LISTEN", 16_860L, "OUT_OF_RANGE", 643L));
        assertThat(count(lastfm.resolve("zsteve_scrobbles.csv"))).isEqualTo(Map.of("LISTEN", 16_545L));
        // README counts 75,246 usable rows, but record 54,072 has the artist " " (blank), which we reject
        assertThat(count(lastfm.resolve("spacedlevo_scrobbles.csv.gz")))
                .isEqualTo(Map.of("LISTEN", 75_245L, "UNPARSEABLE", 1L));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, Long> count(Path file) {
        try (Stream<ExportRow> rows = READER.read(file)) {
            return rows.collect(
                    Collectors.groupingBy(ListenExportFixtures::outcome, TreeMap::new, Collectors.counting()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
