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

    private static final List<DateTimeFormatter> STYLES = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME, // 2023-01-02T21:43:44Z (spacedlevo)
            pattern("d MMM yyyy, HH:mm"),
            pattern("d MMM yyyy HH:mm"),
            pattern("d MMM yyyy, HH:mm:ss"),
            pattern("d MMM yyyy HH:mm:ss"),
            pattern("yyyy-MM-dd HH:mm:ss"),
            pattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /** One file uses one style: trying the last match first avoids an exception per row. */
    private DateTimeFormatter lastMatch = STYLES.getFirst();

    /** The instant, or null when the text matches none of the known styles. */
    Instant parse(String text) {
        String s = text.strip();
        Instant at = tryParse(s, lastMatch);
        if (at != null) {
            return at;
        }
        for (DateTimeFormatter f : STYLES) {
            if (f != lastMatch && (at = tryParse(s, f)) != null) {
                lastMatch = f;
                return at;
            }
        }
        return null;
    }

    private static Instant tryParse(String s, DateTimeFormatter f) {
        try {
            return f == DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    ? OffsetDateTime.parse(s, f).toInstant()
                    : LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC); // naive times are UTC
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter pattern(String p) {
        // English month names whatever the server locale; "jul" and "JUL" both occur in the wild
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                .toFormatter(Locale.ENGLISH);
    }
}
