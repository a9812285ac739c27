package io.refrain.catalog.importer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What an import did, for the CLI's final report and for tests. */
public record ImportSummary(
        long rowsRead,
        long rowsAccepted,
        Map<String, Long> rejectedByReason,
        List<String> rejectedExamples,
        long warnings,
        List<String> warningExamples,
        long duplicateRowsMerged,
        long distinctTracks,
        long tracksInserted,
        long tracksUpdated,
        long tracksUnchanged,
        long albumsInserted,
        long albumsUpdated,
        long artistsInserted,
        long genresInserted,
        long featuresChanged,
        Duration elapsed) {

    public long rowsRejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Read %,d rows in %.1f s: %,d accepted, %,d skipped, %,d with warnings.%n",
                rowsRead,
                elapsed.toMillis() / 1000.0,
                rowsAccepted,
                rowsRejected(),
                warnings));
        out.append(String.format(
                Locale.ROOT,
                "Tracks: %,d distinct (%,d repeated rows merged): %,d inserted, %,d updated, %,d unchanged.%n",
                distinctTracks,
                duplicateRowsMerged,
                tracksInserted,
                tracksUpdated,
                tracksUnchanged));
        out.append(String.format(
                Locale.ROOT,
                "Albums: %,d inserted, %,d updated. Artists: %,d inserted. Genres: %,d inserted. Audio features changed: %,d.%n",
                albumsInserted,
                albumsUpdated,
                artistsInserted,
                genresInserted,
                featuresChanged));
        rejectedByReason.forEach(
                (reason, count) -> out.append(String.format(Locale.ROOT, "  skipped %,d: %s%n", count, reason)));
        rejectedExamples.forEach(example -> out.append("    ").append(example).append(System.lineSeparator()));
        warningExamples.forEach(
                example -> out.append("  warning: ").append(example).append(System.lineSeparator()));
        return out.toString();
    }
}
