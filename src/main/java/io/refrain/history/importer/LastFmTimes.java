package io.refrain.history.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The text time styles of Last.fm export tools, all UTC: {@code 11 Jul 2024, 09:07},
 * {@code 20 Nov 2020 09:35}, {@code 2020-04-13 05:01:31} (naive, assumed UTC), ISO with offset.
 */
final class LastFmTimes {

    private static final List<DateTimeFormatter> NAIVE = List.of(
            pattern("d MMM yyyy, HH:mm"), pattern("d MMM yyyy HH:mm"),
            pattern("d MMM yyyy, HH:mm:ss"), pattern("d MMM yyyy HH:mm:ss"),
            pattern("yyyy-MM-dd HH:mm:ss"), pattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private LastFmTimes() {
    }

    /** The instant, or null when the text matches none of the known styles. */
    static Instant parse(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant(); // ISO with Z or offset (spacedlevo)
        } catch (DateTimeParseException e) {
            // not ISO with an offset: try the naive styles
        }
        for (DateTimeFormatter f : NAIVE) {
            try {
                return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next style
            }
        }
        return null;
    }

    private static DateTimeFormatter pattern(String p) {
        // English month names whatever the server locale; "jul" and "JUL" both occur in the wild
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
    }
}
