package io.refrain.history.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The checks every format shares (mirroring io.refrain.history.ListenRules, so that an imported row
 * which passes here is not refused at storage), applied to a parsed listen: the format parsers only deal with
 * their own syntax, so a rule change (say, the minimum play time) lives in one place.
 */
final class ExportRules {

    /** Last.fm opened in 2002; anything earlier is a placeholder such as epoch 0. */
    static final Instant EARLIEST = Instant.parse("2002-10-01T00:00:00Z");
    /** Clocks of phones and PCs drift; an hour of slack keeps a fresh export from losing its last plays. */
    static final Duration FUTURE_SLACK = Duration.ofHours(1);
    static final int MAX_NAME_LENGTH = 500;
    /** Same cap as io.refrain.history.ListenRules: a single play over a day is a broken counter. */
    static final int MAX_MS_PLAYED = 86_400_000;

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
            return new ExportRow.Skipped(position, SkipReason.OUT_OF_RANGE,
                    "time " + l.listenedAt() + " is before " + EARLIEST);
        }
        if (l.listenedAt().isAfter(now.plus(FUTURE_SLACK))) {
            return new ExportRow.Skipped(position, SkipReason.OUT_OF_RANGE,
                    "time " + l.listenedAt() + " is in the future (now " + now + ")");
        }
        if (l.msPlayed() != null && l.msPlayed() < minPlayMs) {
            return new ExportRow.Skipped(position, SkipReason.TOO_SHORT, String.format(Locale.ROOT,
                    "played %.1f s, less than %s s", l.msPlayed() / 1000.0, seconds(minPlayMs)));
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
        String[][] texts = {{"artist", l.artist()}, {"title", l.title()}, {"album", l.album()},
                {"spotify track id", l.spotifyTrackId()}, {"isrc", l.isrc()},
                {"recording mbid", l.recordingMbid()}, {"artist mbid", l.artistMbid()},
                {"release mbid", l.releaseMbid()}, {"client", l.client()}};
        for (String[] t : texts) {
            String value = t[1];
            if (value == null) {
                continue;
            }
            if (value.indexOf('\u0000') >= 0) {
                return t[0] + " contains a NUL character: " + Details.quote(value);
            }
            if (value.length() > MAX_NAME_LENGTH) {
                return t[0] + " is " + value.length() + " characters long, more than " + MAX_NAME_LENGTH
                        + ": " + Details.quote(value);
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
