package io.refrain.history.importer;

import io.refrain.history.ListenRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The checks every format shares, applied to a parsed listen: the format parsers only deal with
 * their own syntax. The limits are {@link ListenRules}' own, so a row that passes here is never
 * refused at storage, and a rule change lives in one place.
 */
final class ExportRules {

    static final Instant EARLIEST = ListenRules.EARLIEST;
    static final Duration FUTURE_SLACK = ListenRules.MAX_FUTURE;
    static final int MAX_NAME_LENGTH = ListenRules.MAX_NAME;
    static final int MAX_MS_PLAYED = ListenRules.MAX_MS;

    private final Instant now;
    private final int minPlayMs;

    ExportRules(Instant now, int minPlayMs) {
        this.now = now;
        this.minPlayMs = minPlayMs;
    }

    ExportRow apply(ExportRow row) {
        if (!(row instanceof ExportRow.Listen(long position, ExportedListen l))) {
            return row;
        }
        String problem = problem(l);
        if (problem != null) {
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, problem);
        }
        if (l.listenedAt().isBefore(EARLIEST)) {
            return new ExportRow.Skipped(
                    position, SkipReason.OUT_OF_RANGE, "time " + l.listenedAt() + " is before " + EARLIEST);
        }
        if (l.listenedAt().isAfter(now.plus(FUTURE_SLACK))) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.OUT_OF_RANGE,
                    "time " + l.listenedAt() + " is in the future (now " + now + ")");
        }
        if (l.msPlayed() != null && l.msPlayed() < minPlayMs) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.TOO_SHORT,
                    String.format(
                            Locale.ROOT, "played %.1f s, less than %s s", l.msPlayed() / 1000.0, seconds(minPlayMs)));
        }
        return row;
    }

    private static String problem(ExportedListen l) {
        if (l.artist() == null) {
            return "no artist";
        }
        if (l.title() == null) {
            return "no title";
        }
        if (l.listenedAt() == null) {
            return "no time";
        }
        String[][] texts = {
            {"artist", l.artist()},
            {"title", l.title()},
            {"album", l.album()},
            {"spotify track id", l.spotifyTrackId()},
            {"isrc", l.isrc()},
            {"recording mbid", l.recordingMbid()},
            {"artist mbid", l.artistMbid()},
            {"release mbid", l.releaseMbid()},
            {"client", l.client()}
        };
        for (String[] t : texts) {
            String value = t[1];
            if (value == null) {
                continue;
            }
            if (value.indexOf('\u0000') >= 0) {
                return t[0] + " contains a NUL character: " + Details.quote(value);
            }
            if (value.length() > MAX_NAME_LENGTH) {
                return t[0] + " is " + value.length() + " characters long, more than " + MAX_NAME_LENGTH + ": "
                        + Details.quote(value);
            }
        }
        if (l.msPlayed() != null && (l.msPlayed() < 0 || l.msPlayed() > MAX_MS_PLAYED)) {
            return "play time " + l.msPlayed() + " ms is not between 0 and " + MAX_MS_PLAYED + " (24 hours)";
        }
        return null;
    }

    private static String seconds(int ms) {
        return ms % 1000 == 0 ? Integer.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
