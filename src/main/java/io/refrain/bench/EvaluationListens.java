package io.refrain.bench;

import io.refrain.platform.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The real listening histories of {@code ../shared/data/listens/listens_combined.csv.gz} (see that
 * directory's README), split at one global time: everything before it trains, the rest tests.
 */
record EvaluationListens(List<Listen> train, List<Listen> test, int unreadable) {

    /** Plays shorter than this (Spotify exports give the time played) are skips. */
    static final int SKIP_BELOW_MS = 30_000;

    /** One row: whose, when, the song as named, and the Spotify id where the export has one. */
    record Listen(
            String user, Instant at, String artist, String title, String album, Integer msPlayed, String spotifyId) {

        boolean skipped() {
            return msPlayed != null && msPlayed < SKIP_BELOW_MS;
        }

        /** The song as the evaluation compares it when the catalog has no track for it. */
        String songKey() {
            return "song:" + normalise(artist) + "|" + normalise(title);
        }

        String artistKey() {
            return normalise(artist);
        }
    }

    static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    static EvaluationListens read(Path file, Instant split) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no listening histories at " + file.toAbsolutePath()
                    + " (the shared data directory next to the project; or pass --listens FILE)");
        }
        List<Listen> train = new ArrayList<>();
        List<Listen> test = new ArrayList<>();
        int unreadable = 0;
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            for (CSVRecord row : csv) {
                Listen listen;
                try {
                    listen = new Listen(
                            row.get("user"),
                            Instant.parse(row.get("listened_at")),
                            row.get("artist_name"),
                            row.get("track_name"),
                            blankToNull(row.get("album_name")),
                            row.get("ms_played").isBlank() ? null : Integer.valueOf(row.get("ms_played")),
                            blankToNull(row.get("spotify_track_id")));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    unreadable++;
                    continue;
                }
                if (listen.artist().isBlank() || listen.title().isBlank()) {
                    unreadable++;
                } else if (listen.at().isBefore(split)) {
                    train.add(listen);
                } else {
                    test.add(listen);
                }
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        return new EvaluationListens(train, test, unreadable);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
