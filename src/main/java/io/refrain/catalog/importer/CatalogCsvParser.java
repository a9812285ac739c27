package io.refrain.catalog.importer;

import io.refrain.catalog.MusicDimensions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Validates one row of the Spotify-songs catalog file (TidyTuesday 2020-01-21 layout) and
 * copes with its quirks: {@code NA} for missing names, partial release dates (YYYY, YYYY-MM),
 * numbers in scientific notation, any script. A row that cannot be right is rejected with a
 * reason; a bad release date only drops the date.
 */
final class CatalogCsvParser {

    static final List<String> REQUIRED_COLUMNS = List.of(
            "track_id",
            "track_name",
            "track_artist",
            "track_popularity",
            "track_album_id",
            "track_album_name",
            "track_album_release_date",
            "playlist_genre",
            "playlist_subgenre",
            "danceability",
            "energy",
            "key",
            "loudness",
            "mode",
            "speechiness",
            "acousticness",
            "instrumentalness",
            "liveness",
            "valence",
            "tempo",
            "duration_ms");

    private static final String MISSING = "NA";
    private static final int MAX_NAME = 500;

    sealed interface Result permits Accepted, Rejected {}

    record Accepted(StagedRow row, String warning) implements Result {}

    record Rejected(String reason, String detail) implements Result {}

    /** Thrown inside parsing to reject the row; caught in {@link #parse}. */
    private static final class Reject extends RuntimeException {
        private final String reason;

        Reject(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    static void checkHeader(Map<String, Integer> header, String file) {
        List<String> missing =
                REQUIRED_COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new io.refrain.platform.cli.CliException(file + " is not a catalog file: missing columns " + missing);
        }
    }

    Result parse(CSVRecord record) {
        try {
            if (!record.isConsistent()) {
                // a short row would silently lose its trailing columns (the audio features)
                throw new Reject(
                        "wrong number of columns",
                        "has " + record.size() + " columns, the header has "
                                + record.getParser().getHeaderMap().size());
            }
            String[] warning = {null};
            String trackKey = required(record, "track_id", "missing track id");
            String title = name(record, "track_name", "missing track name");
            String artist = name(record, "track_artist", "missing artist");
            String albumKey = optional(record, "track_album_id");
            String albumTitle = optionalName(record, "track_album_name");
            if (albumKey == null || albumTitle == null) {
                albumKey = null;
                albumTitle = null;
            }
            LocalDate date = null;
            String precision = null;
            String rawDate = optional(record, "track_album_release_date");
            if (rawDate != null && albumKey != null) {
                try {
                    precision = precision(rawDate);
                    date = switch (precision) {
                        case "year" -> LocalDate.of(Integer.parseInt(rawDate), 1, 1);
                        case "month" -> LocalDate.parse(rawDate + "-01");
                        default -> LocalDate.parse(rawDate);
                    };
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    date = null;
                    precision = null;
                    warning[0] = "bad release date '" + rawDate + "' (kept without date)";
                }
            }
            String genre = lower(optional(record, "playlist_genre"));
            String subgenre = lower(optional(record, "playlist_subgenre"));
            Double dance = fraction(record, "danceability"), energy = fraction(record, "energy");
            Double speech = fraction(record, "speechiness"), acoustic = fraction(record, "acousticness");
            Double instrumental = fraction(record, "instrumentalness"), live = fraction(record, "liveness");
            Double valence = fraction(record, "valence");
            Double loudness = number(record, "loudness", -60, 10);
            Double tempo = number(record, "tempo", 0, 300);
            Integer key = integer(record, "key", -1, 11);
            Integer mode = integer(record, "mode", 0, 1);
            Integer popularity = integer(record, "track_popularity", 0, 100);
            Integer duration = integer(record, "duration_ms", 1, 86_400_000);
            var music = MusicDimensions.derive(
                    new MusicDimensions.Features(
                            dance, energy, loudness, speech, acoustic, instrumental, valence, tempo),
                    java.util.stream.Stream.of(genre, subgenre)
                            .filter(java.util.Objects::nonNull)
                            .toList());
            return new Accepted(
                    new StagedRow(
                            record.getRecordNumber() + 1,
                            trackKey,
                            title,
                            artist,
                            popularity,
                            albumKey,
                            albumTitle,
                            date,
                            precision,
                            genre,
                            subgenre,
                            dance,
                            energy,
                            key,
                            loudness,
                            mode,
                            speech,
                            acoustic,
                            instrumental,
                            live,
                            valence,
                            tempo,
                            duration,
                            music),
                    warning[0]);
        } catch (Reject r) {
            return new Rejected(r.reason, r.getMessage());
        }
    }

    private static String precision(String raw) {
        return switch (raw.length()) {
            case 4 -> "year";
            case 7 -> "month";
            case 10 -> "day";
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static String required(CSVRecord r, String column, String reason) {
        String v = optional(r, column);
        if (v == null) {
            throw new Reject(reason, column + " is empty or NA");
        }
        if (v.length() > 200) {
            throw new Reject("value too long", column + " has " + v.length() + " characters");
        }
        return v;
    }

    private static String name(CSVRecord r, String column, String reason) {
        String v = optionalName(r, column);
        if (v == null) {
            throw new Reject(reason, column + " is empty or NA");
        }
        return v;
    }

    private static String optionalName(CSVRecord r, String column) {
        String v = optional(r, column);
        if (v != null && v.length() > MAX_NAME) {
            throw new Reject("value too long", column + " has " + v.length() + " characters (max " + MAX_NAME + ")");
        }
        if (v != null && v.indexOf('\0') >= 0) {
            throw new Reject("invalid character", column + " contains a NUL character");
        }
        return v;
    }

    private static String optional(CSVRecord r, String column) {
        String v = r.isSet(column) ? r.get(column).strip() : "";
        return v.isEmpty() || v.equals(MISSING) ? null : v;
    }

    private static String lower(String v) {
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static Double fraction(CSVRecord r, String column) {
        return number(r, column, 0, 1);
    }

    private static Double number(CSVRecord r, String column, double min, double max) {
        String v = optional(r, column);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v); // also reads scientific notation such as 1.33e-4
        } catch (NumberFormatException e) {
            throw new Reject("bad number in " + column, "'" + v + "'");
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new Reject(column + " out of range", "'" + v + "' not in [" + min + ", " + max + "]");
        }
        return d;
    }

    private static Integer integer(CSVRecord r, String column, long min, long max) {
        Double d = number(r, column, min, max);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new Reject("bad number in " + column, "'" + r.get(column) + "' is not a whole number");
        }
        return d.intValue();
    }
}
