package io.refrain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.refrain.RefrainApplication;
import io.refrain.catalog.importer.CatalogImporter;
import io.refrain.catalog.importer.ImportSummary;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.db.DatabaseServer;
import io.refrain.support.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Catalog import: re-importing a file changes nothing, repeated rows merge, bad rows are skipped
 * with a reason and a line number. The demo catalog is re-imported into the shared test database
 * (which it must leave untouched); everything else goes into a scratch database on the same
 * server, with its own application context (like the {@code refrain import} command), dropped at
 * the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogImportIT extends IntegrationTest {

    static final String DEMO = "demo/catalog-demo.csv.gz";
    /** The real data set, next to the project (see ../shared/data/README.md); tests using it skip without it. */
    static final Path REAL = Path.of("../shared/data/catalog/spotify_songs_tidytuesday_2020-01-21.csv.gz");

    static final String HEADER = "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,"
            + "track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,danceability,energy,"
            + "key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms";

    @Autowired
    CatalogImporter importer;

    @Autowired
    DatabaseServer server;

    @TempDir
    Path temp;

    private ScratchDatabase scratch;

    @AfterAll
    void dropScratchDatabase() {
        if (scratch != null) {
            scratch.close();
            assertThat(jdbc.sql("select count(*) from pg_database where datname = ?")
                            .param(scratch.name())
                            .query(Long.class)
                            .single())
                    .as("scratch database dropped")
                    .isZero();
        }
    }

    // ---------------------------------------------------------------- the demo catalog, in the shared database

    @Test
    void importingTheDemoCatalogAgainChangesNothing() throws IOException {
        CatalogFile file = CatalogFile.read(() -> new ClassPathResource(DEMO).getInputStream());
        Counts before = Counts.of(jdbc);

        ImportSummary summary = importer.importSources(List.of(demoSource("demo catalog")), false);

        assertThat(Counts.of(jdbc)).isEqualTo(before);
        // other tests add tracks by hand or through MusicBrainz; the import's own are origin 'import'
        assertThat(jdbc.sql("select count(*) from tracks where origin = 'import'")
                        .query(Long.class)
                        .single())
                .isEqualTo(file.namedTracks().size());
        assertNothingChanged(summary);
        assertThat(summary.rowsRead()).isEqualTo(file.rows());
        assertThat(summary.distinctTracks()).isEqualTo(file.namedTracks().size());
        assertThat(summary.tracksUnchanged()).isEqualTo(file.namedTracks().size());
        assertThat(summary.duplicateRowsMerged())
                .isEqualTo(summary.rowsAccepted() - file.namedTracks().size())
                .isPositive();
        assertSkippedUnnamedRows(summary, file, "demo catalog");
    }

    @Test
    void theDemoCatalogIsLoadedWhole() {
        CatalogFile file = CatalogFile.read(() -> new ClassPathResource(DEMO).getInputStream());
        assertThat(file.rows()).isEqualTo(3_532);
        assertThat(file.namedTracks()).hasSize(2_864);
        assertCatalogMatches(jdbc, file);
    }

    @Test
    void aTrackListedInSeveralPlaylistsHasTheUnionOfTheirGenres() {
        CatalogFile file = CatalogFile.read(() -> new ClassPathResource(DEMO).getInputStream());
        Map<String, Set<String>> stored = genresByExternalId(jdbc);

        long merged = 0;
        for (var track : file.genres().entrySet()) {
            if (file.playlistRows().get(track.getKey()) > 1) {
                merged++;
                assertThat(stored.get(track.getKey()))
                        .as("genres of %s", track.getKey())
                        .isEqualTo(track.getValue());
            }
        }
        assertThat(merged).as("tracks listed in several playlists").isGreaterThan(100);
        // e.g. a remix listed in a pop playlist and three edm ones: both genres and all four sub-genres
        String widest = file.genres().entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow()
                .getKey();
        assertThat(stored.get(widest))
                .hasSizeGreaterThanOrEqualTo(4)
                .isEqualTo(file.genres().get(widest));
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = temp.resolve("no-such-catalog.csv.gz");
        assertThatThrownBy(() -> CatalogImporter.Source.of(missing))
                .isInstanceOf(CliException.class)
                .hasMessage("cannot read " + missing);
        assertThatThrownBy(() -> CatalogImporter.Source.of(temp))
                .isInstanceOf(CliException.class)
                .hasMessage("cannot read " + temp);
    }

    // ---------------------------------------------------------------- the real file, in a scratch database

    @Test
    void theRealFileImportsOnceAndThenChangesNothing() {
        assumeTrue(
                Files.isReadable(REAL),
                "the real catalog file is not at " + REAL.toAbsolutePath().normalize());
        CatalogFile file = CatalogFile.read(() -> Files.newInputStream(REAL));
        assertThat(file.rows()).isEqualTo(32_833);
        assertThat(file.namedTracks()).hasSize(28_352);
        assertThat(file.unnamedLines()).hasSize(5);

        ScratchDatabase db = scratch();
        db.emptyCatalog();
        ImportSummary first = db.importer().importSources(List.of(CatalogImporter.Source.of(REAL)), false);

        assertThat(first.tracksInserted()).isEqualTo(28_352);
        assertThat(first.tracksUpdated()).isZero();
        assertThat(first.distinctTracks()).isEqualTo(28_352);
        assertThat(first.rowsRead()).isEqualTo(32_833);
        assertSkippedUnnamedRows(first, file, REAL.toString());
        assertCatalogMatches(db.jdbc(), file);
        Counts afterFirst = Counts.of(db.jdbc());
        assertThat(afterFirst.tracks()).isEqualTo(28_352);
        assertThat(first.albumsInserted()).isEqualTo(afterFirst.albums());
        assertThat(first.artistsInserted()).isEqualTo(afterFirst.artists());

        ImportSummary second = db.importer().importSources(List.of(CatalogImporter.Source.of(REAL)), false);

        assertThat(Counts.of(db.jdbc())).isEqualTo(afterFirst);
        assertNothingChanged(second);
        assertThat(second.distinctTracks()).isEqualTo(28_352);
        assertThat(second.tracksUnchanged()).isEqualTo(28_352);
        assertSkippedUnnamedRows(second, file, REAL.toString());
    }

    @Test
    void badRowsAreSkippedWithAReasonAndTheirLineWhileGoodRowsAreImported() throws IOException {
        String id = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path csv = write(
                "bad-rows.csv",
                row(id + "good1", "First Good Song", "0.5", "0.6", "5", "55"), // line 2
                row(id + "dance", "Bad Danceability", "very", "0.6", "5", "55"), // line 3
                row(id + "energy", "Too Much Energy", "0.5", "1.5", "5", "55"), // line 4
                row(id + "key", "No Such Key", "0.5", "0.6", "12", "55"), // line 5
                row(id + "pop", "Too Popular", "0.5", "0.6", "5", "101"), // line 6
                row(id + "good2", "Second Good Song", "0.25", "1e-1", "0", "0")); // line 7

        ScratchDatabase db = scratch();
        ImportSummary summary = db.importer().importSources(List.of(CatalogImporter.Source.of(csv)), false);

        assertThat(summary.rowsRead()).isEqualTo(6);
        assertThat(summary.rowsAccepted()).isEqualTo(2);
        assertThat(summary.tracksInserted()).isEqualTo(2);
        assertThat(summary.rejectedByReason())
                .containsOnly(
                        Map.entry("bad number in danceability", 1L),
                        Map.entry("energy out of range", 1L),
                        Map.entry("key out of range", 1L),
                        Map.entry("track_popularity out of range", 1L));
        assertThat(summary.rejectedExamples())
                .hasSize(4)
                .satisfiesExactlyInAnyOrder(
                        e -> assertThat(e)
                                .startsWith(csv + " line 3: bad number in danceability")
                                .contains("'very'"),
                        e -> assertThat(e)
                                .startsWith(csv + " line 4: energy out of range")
                                .contains("'1.5'"),
                        e -> assertThat(e)
                                .startsWith(csv + " line 5: key out of range")
                                .contains("'12'"),
                        e -> assertThat(e)
                                .startsWith(csv + " line 6: track_popularity out of range")
                                .contains("'101'"));
        assertThat(summary.describe()).contains("4 skipped", "line 3", "line 6");

        Map<String, String> titles = new HashMap<>();
        db.jdbc()
                .sql("""
                        select s.external_id, t.title from track_sources s join tracks t on t.id = s.track_id
                        where s.provider = 'spotify' and s.external_id like :prefix""")
                .param("prefix", id + "%")
                .query((rs, n) -> titles.put(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(titles)
                .containsOnly(Map.entry(id + "good1", "First Good Song"), Map.entry(id + "good2", "Second Good Song"));
        assertThat(db.jdbc().sql("""
                        select f.energy from audio_features f join track_sources s on s.track_id = f.track_id
                        where s.external_id = ?""").param(id + "good2").query(Double.class).single())
                .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void rowsWithTheWrongNumberOfColumnsAreSkipped() throws IOException {
        String id = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String good = row(id + "good", "Good Song", "0.5", "0.6", "5", "55");
        Path csv = write(
                "columns.csv",
                good, // line 2
                id + "short,Short Row,Some Artist,50,album1,Some Album", // line 3
                row(id + "long", "Long Row", "0.5", "0.6", "5", "55") + ",extra"); // line 4

        ImportSummary summary = scratch().importer().importSources(List.of(CatalogImporter.Source.of(csv)), false);

        assertThat(summary.rowsAccepted()).isEqualTo(1);
        assertThat(summary.tracksInserted()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(2);
        assertThat(summary.rejectedExamples())
                .satisfiesExactlyInAnyOrder(
                        e -> assertThat(e).startsWith(csv + " line 3: ").containsIgnoringCase("column"),
                        e -> assertThat(e).startsWith(csv + " line 4: ").containsIgnoringCase("column"));
    }

    @Test
    void aFileThatIsNotACatalogIsAClearErrorAndChangesNothing() throws IOException {
        ScratchDatabase db = scratch();
        Path notCatalog = write("songs.csv");
        Files.writeString(notCatalog, "title,artist\nSong,Someone\n");
        Path good = write(
                "good.csv", row("it" + UUID.randomUUID().toString().substring(0, 8), "Song", "0.5", "0.6", "5", "55"));
        Counts before = Counts.of(db.jdbc());

        // one import of several files is one transaction: the good file's rows are not kept either
        assertThatThrownBy(() -> db.importer()
                        .importSources(
                                List.of(CatalogImporter.Source.of(good), CatalogImporter.Source.of(notCatalog)), false))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith(notCatalog + " is not a catalog file: missing columns [track_id,");
        assertThat(Counts.of(db.jdbc())).isEqualTo(before);
    }

    @Test
    void aBrokenCompressedFileIsAClearErrorAndChangesNothing() throws IOException {
        ScratchDatabase db = scratch();
        Path broken = truncatedDemo(0.5);
        Counts before = Counts.of(db.jdbc());

        // the rows before the break were read (and copied to staging) when the error comes
        assertThatThrownBy(() -> db.importer().importSources(List.of(CatalogImporter.Source.of(broken)), false))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith(broken + " could not be read as CSV");
        assertThat(Counts.of(db.jdbc())).isEqualTo(before);
    }

    @Test
    void aCompressedFileBrokenInItsFirstBytesIsAClearError() throws IOException {
        Path cut = truncatedDemo(0.01);
        Path garbage = temp.resolve("garbage.csv.gz");
        Files.write(garbage, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        for (Path broken : List.of(cut, garbage)) {
            Counts before = Counts.of(scratch().jdbc());
            assertThatThrownBy(
                            () -> scratch().importer().importSources(List.of(CatalogImporter.Source.of(broken)), false))
                    .isInstanceOf(CliException.class)
                    .hasMessageContaining(broken.toString());
            assertThat(Counts.of(scratch().jdbc())).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- assertions

    private static void assertNothingChanged(ImportSummary summary) {
        assertThat(summary.tracksInserted()).as("tracks inserted").isZero();
        assertThat(summary.tracksUpdated()).as("tracks updated").isZero();
        assertThat(summary.albumsInserted()).as("albums inserted").isZero();
        assertThat(summary.albumsUpdated()).as("albums updated").isZero();
        assertThat(summary.artistsInserted()).as("artists inserted").isZero();
        assertThat(summary.genresInserted()).as("genres inserted").isZero();
        assertThat(summary.featuresChanged()).as("audio features changed").isZero();
    }

    private static void assertSkippedUnnamedRows(ImportSummary summary, CatalogFile file, String sourceName) {
        assertThat(summary.rejectedByReason()).isEqualTo(Map.of("missing track name", (long)
                file.unnamedLines().size()));
        assertThat(summary.rowsAccepted())
                .isEqualTo(file.rows() - file.unnamedLines().size());
        List<String> expected = file.unnamedLines().stream()
                .map(line -> sourceName + " line " + line + ": missing track name (track_name is empty or NA)")
                .toList();
        assertThat(summary.rejectedExamples()).containsExactlyElementsOf(expected);
    }

    /** Tracks, albums and artists in the database are exactly those of the file. */
    private static void assertCatalogMatches(JdbcClient db, CatalogFile file) {
        Set<String> tracks = new HashSet<>(db.sql("select external_id from track_sources where provider = 'spotify'")
                .query(String.class)
                .list());
        assertThat(tracks).isEqualTo(file.namedTracks());
        Set<String> albums = new HashSet<>(db.sql("select external_id from album_sources where provider = 'spotify'")
                .query(String.class)
                .list());
        assertThat(albums).isEqualTo(file.albums());
        Set<String> artists = new HashSet<>(db.sql("select name from artists where origin = 'import'")
                .query(String.class)
                .list());
        assertThat(artists).isEqualTo(file.artists());
        assertThat(genresByExternalId(db)).isEqualTo(file.genres());
    }

    private static Map<String, Set<String>> genresByExternalId(JdbcClient db) {
        Map<String, Set<String>> genres = new HashMap<>();
        db.sql("""
                        select s.external_id, g.name from track_sources s
                        join track_genres tg on tg.track_id = s.track_id join genres g on g.id = tg.genre_id
                        where s.provider = 'spotify'""")
                .query((rs, n) -> genres.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                        .add(rs.getString(2)))
                .list();
        return genres;
    }

    // ---------------------------------------------------------------- fixtures

    private CatalogImporter.Source demoSource(String name) throws IOException {
        ClassPathResource demo = new ClassPathResource(DEMO);
        return new CatalogImporter.Source(name, demo.contentLength(), demo::getInputStream);
    }

    /** A valid catalog row with the given id, title, danceability, energy, key and popularity. */
    private static String row(
            String id, String title, String danceability, String energy, String key, String popularity) {
        return String.join(
                ",",
                id,
                title,
                "Import Test Artist",
                popularity,
                id + "-album",
                "Import Test Album",
                "2019-06-14",
                "Test Playlist",
                "pl1",
                "pop",
                "dance pop",
                danceability,
                energy,
                key,
                "-5.5",
                "1",
                "0.05",
                "0.1",
                "0",
                "0.1",
                "0.5",
                "120.0",
                "200000");
    }

    private Path write(String name, String... rows) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
        return file;
    }

    /** The demo catalog's gzip stream cut off after this fraction of its bytes. */
    private Path truncatedDemo(double fraction) throws IOException {
        byte[] bytes;
        try (InputStream in = new ClassPathResource(DEMO).getInputStream()) {
            bytes = in.readAllBytes();
        }
        Path broken = temp.resolve("truncated-" + fraction + ".csv.gz");
        Files.write(broken, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        return broken;
    }

    private ScratchDatabase scratch() {
        if (scratch == null) {
            scratch = ScratchDatabase.create(jdbc, server);
        }
        return scratch;
    }

    /** Row counts of the catalog tables. */
    record Counts(
            long tracks,
            long albums,
            long artists,
            long genres,
            long trackGenres,
            long trackSources,
            long trackArtists,
            long albumArtists,
            long features,
            Timestamp lastTrackUpdate,
            Timestamp lastAlbumUpdate,
            Timestamp lastFeaturesUpdate) {

        static Counts of(JdbcClient db) {
            return db.sql("""
                            select (select count(*) from tracks), (select count(*) from albums), (select count(*) from artists),
                                   (select count(*) from genres), (select count(*) from track_genres),
                                   (select count(*) from track_sources), (select count(*) from track_artists),
                                   (select count(*) from album_artists), (select count(*) from audio_features),
                                   (select max(updated_at) from tracks), (select max(updated_at) from albums),
                                   (select max(updated_at) from audio_features)""")
                    .query((rs, n) -> new Counts(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getTimestamp(10),
                            rs.getTimestamp(11),
                            rs.getTimestamp(12)))
                    .single();
        }
    }

    // ---------------------------------------------------------------- reading the file independently

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * What a catalog file holds, read line by line (the data set has no line breaks inside
     * cells) so that line numbers are the file's. A row is a track when its name is not empty
     * or {@code NA}.
     */
    record CatalogFile(
            long rows,
            List<Long> unnamedLines,
            Set<String> namedTracks,
            Map<String, Integer> playlistRows,
            Set<String> albums,
            Set<String> artists,
            Map<String, Set<String>> genres) {

        static CatalogFile read(Opener opener) {
            try (InputStream raw = opener.open();
                    BufferedReader reader = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                List<String> header = List.of(reader.readLine().split(","));
                long rows = 0;
                List<Long> unnamed = new ArrayList<>();
                Set<String> tracks = new HashSet<>();
                Map<String, Integer> playlistRows = new HashMap<>();
                Set<String> albums = new HashSet<>();
                Set<String> artists = new HashSet<>();
                Map<String, Set<String>> genres = new HashMap<>();
                long lineNumber = 1;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    rows++;
                    CSVRecord cells = CSVFormat.RFC4180
                            .parse(new StringReader(line))
                            .getRecords()
                            .getFirst();
                    assertThat(cells.size()).as("cells in line %d", lineNumber).isEqualTo(header.size());
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), value(cells.get(i)));
                    }
                    String id = row.get("track_id");
                    if (row.get("track_name") == null) {
                        unnamed.add(lineNumber);
                        continue;
                    }
                    tracks.add(id);
                    playlistRows.merge(id, 1, Integer::sum);
                    artists.add(row.get("track_artist"));
                    if (row.get("track_album_id") != null && row.get("track_album_name") != null) {
                        albums.add(row.get("track_album_id"));
                    }
                    Set<String> trackGenres = genres.computeIfAbsent(id, k -> new TreeSet<>());
                    Stream.of(row.get("playlist_genre"), row.get("playlist_subgenre"))
                            .filter(g -> g != null)
                            .map(g -> g.toLowerCase(java.util.Locale.ROOT))
                            .forEach(trackGenres::add);
                }
                return new CatalogFile(rows, unnamed, tracks, playlistRows, albums, artists, genres);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String value(String cell) {
            String v = cell.strip();
            return v.isEmpty() || v.equals("NA") ? null : v;
        }
    }

    // ---------------------------------------------------------------- the scratch database

    /**
     * A fresh database on the test server with its own application context (a non-web one
     * with {@code refrain.cli=true}, as the {@code refrain import} command runs), migrated by
     * the production migrations, without the demo catalog. Dropped by {@link #close}.
     */
    record ScratchDatabase(String name, JdbcClient admin, Path dataDir, ConfigurableApplicationContext context)
            implements AutoCloseable {

        private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

        static ScratchDatabase create(JdbcClient admin, DatabaseServer server) {
            String name = "refrain_import_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Matcher url = URL.matcher(server.url());
            assumeTrue(url.matches(), "cannot derive a database URL from " + server.url());
            try {
                admin.sql("create database " + name).update();
            } catch (RuntimeException e) {
                assumeTrue(false, "cannot create a scratch database on the test server: " + e.getMessage());
            }
            Path dataDir = null;
            try {
                dataDir = Files.createTempDirectory("refrain-import-it-");
                SpringApplication app = new SpringApplication(RefrainApplication.class);
                app.setWebApplicationType(WebApplicationType.NONE);
                ConfigurableApplicationContext context = app.run(
                        "--refrain.cli=true",
                        "--refrain.catalog.load-demo=false",
                        "--refrain.data-dir=" + dataDir,
                        "--refrain.database.url=" + url.group(1) + name + url.group(3),
                        "--refrain.database.user=" + server.user(),
                        "--refrain.database.password=" + (server.password() == null ? "" : server.password()),
                        "--refrain.database.pool-size=2",
                        "--spring.jmx.enabled=false");
                return new ScratchDatabase(name, admin, dataDir, context);
            } catch (IOException | RuntimeException e) {
                admin.sql("drop database if exists " + name + " with (force)").update();
                if (dataDir != null) {
                    FileSystemUtils.deleteRecursively(dataDir.toFile());
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }

        CatalogImporter importer() {
            return context.getBean(CatalogImporter.class);
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        void emptyCatalog() {
            jdbc().sql("truncate tracks, albums, artists, genres cascade").update();
        }

        @Override
        public void close() {
            try {
                context.close();
            } finally {
                admin.sql("drop database if exists " + name + " with (force)").update();
                FileSystemUtils.deleteRecursively(dataDir.toFile());
            }
        }
    }
}
