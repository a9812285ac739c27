package io.refrain.history.importer;

import static io.refrain.history.importer.ListenExportFixtures.READER;
import static io.refrain.history.importer.ListenExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Downloads get cut anywhere: whatever the cut, reading never throws and keeps what came before. */
class ListenExportTruncationTest {

    @Property(tries = 200, seed = "20261203")
    void aCutFileNeverThrowsAndKeepsThePrefix(@ForAll("fixtures") String name, @ForAll("fractions") double fraction)
            throws IOException {
        byte[] whole = Files.readAllBytes(fixture(name));
        List<ExportRow> full = read(whole, name);
        int cut = (int) (whole.length * fraction);
        byte[] head = Arrays.copyOf(whole, cut);
        List<ExportRow> rows;
        try {
            rows = read(head, name);
        } catch (UnknownExportFormatException e) {
            // too little left to tell the format (e.g. only "[" or half a CSV header): acceptable
            assertThat(cut).isLessThan(200);
            return;
        }
        // positions strictly increase, and every row but possibly the last equals the uncut file's
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).position()).isGreaterThan(rows.get(i - 1).position());
        }
        if (rows.size() > 1) {
            assertThat(full).containsAll(rows.subList(0, rows.size() - 1));
        }
        assertThat(rows.size()).isLessThanOrEqualTo(full.size() + 1);
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of(
                "Streaming_History_Audio_2023.json",
                "StreamingHistory0.json",
                "listenbrainz_export.json",
                "listens.jsonl",
                "SachaWheeler_scrobbles.csv",
                "zsteve_scrobbles.csv",
                "pingw33n_scrobbles.csv");
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0.0, 1.0);
    }

    private static List<ExportRow> read(byte[] bytes, String name) throws IOException {
        try (Stream<ExportRow> rows = READER.read(new ByteArrayInputStream(bytes), name)) {
            return rows.toList();
        }
    }
}
