package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.playlists.importer.DatasetPlaylistImporter;
import io.refrain.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The dataset's playlists, imported from the demo file the test catalog was loaded from. */
class DatasetPlaylistImportIT extends IntegrationTest {

    @Autowired
    DatasetPlaylistImporter importer;

    @TempDir
    Path temp;

    @Test
    void theDatasetPlaylistsArePublicPlaylistsOfTheSystemAccountAndReimportingChangesNothing() throws IOException {
        Path demo = temp.resolve("demo.csv.gz");
        try (InputStream in = new ClassPathResource("demo/catalog-demo.csv.gz").getInputStream()) {
            Files.copy(in, demo);
        }
        Map<String, Set<String>> expected = playlistsOf(demo);

        var first = importer.importFiles(List.of(demo));
        var second = importer.importFiles(List.of(demo));

        assertThat(first.playlists()).isEqualTo(expected.size());
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(expected.size());
        assertThat(second.entriesWritten()).isZero();
        assertThat(second.owner()).isEqualTo(first.owner());
        assertThat(jdbc.sql("select count(*) from playlists where user_id = ?")
                        .param(first.owner())
                        .query(Long.class)
                        .single())
                .isEqualTo(expected.size());
        assertThat(jdbc.sql("select count(*) from playlist_entries where user_id = ?")
                        .param(first.owner())
                        .query(Long.class)
                        .single())
                .isEqualTo(expected.values().stream().mapToLong(Set::size).sum() - first.missingTracks());

        // any signed-in user finds them and reads one in the dataset's order
        String token = newAccount().accessToken();
        var list = api.get("/api/v1/users/" + first.owner() + "/playlists?limit=100", token)
                .assertStatus(200)
                .json();
        assertThat(list.path("items").size()).isPositive();
        var playlist = list.path("items").get(0);
        String key = expected.keySet().stream()
                .filter(k -> playlist.path("description").asString().contains("dataset"))
                .findFirst()
                .orElseThrow();
        var page = api.get("/api/v1/playlists/" + playlist.path("id").asString() + "/tracks?limit=100", token)
                .assertStatus(200)
                .json();
        assertThat(page.path("items").size())
                .isEqualTo(playlist.path("trackCount").asInt())
                .isPositive();
        assertThat(key).isNotBlank();
        // the system account cannot be signed in to
        api.post(
                        "/api/v1/auth/login",
                        io.refrain.support.Json.of("email", "playlists@refrain.local", "password", "!system-account"))
                .assertProblem(401, "invalid-credentials");
    }

    /** playlist_id → its distinct track ids in file order, read independently of the importer. */
    private static Map<String, Set<String>> playlistsOf(Path file) throws IOException {
        Map<String, Set<String>> playlists = new LinkedHashMap<>();
        try (var reader =
                        new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
                var csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<CSVRecord> rows = new ArrayList<>(csv.getRecords());
            for (CSVRecord row : rows) {
                playlists
                        .computeIfAbsent(row.get("playlist_id"), k -> new LinkedHashSet<>())
                        .add(row.get("track_id"));
            }
        }
        return playlists;
    }
}
