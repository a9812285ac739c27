package io.refrain.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What a generation run made and how long each phase took, for the command's final report. */
record BenchSummary(
        long tracksAdded,
        long tracksTotal,
        int users,
        long listens,
        BenchLibraries.Counts library,
        long timers,
        Map<String, Duration> phases,
        long databaseBytes) {

    public BenchSummary {
        phases = new LinkedHashMap<>(phases);
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "tracks:    %,d added, %,d in the catalog%n", tracksAdded, tracksTotal));
        out.append(String.format(Locale.ROOT, "users:     %,d (password %s)%n", users, BenchUsers.PASSWORD));
        out.append(String.format(Locale.ROOT, "listens:   %,d%n", listens));
        out.append(String.format(
                Locale.ROOT,
                "library:   %,d saved, %,d loved, %,d ratings, %,d tags on %,d tracks%n",
                library.savedTracks(),
                library.lovedTracks(),
                library.ratings(),
                library.tags(),
                library.taggedTracks()));
        out.append(String.format(
                Locale.ROOT, "playlists: %,d with %,d entries%n", library.playlists(), library.entries()));
        if (timers > 0) {
            out.append(String.format(Locale.ROOT, "timers:    %,d timed roles%n", timers));
        }
        Duration total = Duration.ZERO;
        for (var phase : phases.entrySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-10s %8.1f s%n",
                    phase.getKey(),
                    phase.getValue().toMillis() / 1000.0));
            total = total.plus(phase.getValue());
        }
        out.append(String.format(Locale.ROOT, "  %-10s %8.1f s%n", "total", total.toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "database:  %,.1f MB%n", databaseBytes / 1e6));
        return out.toString();
    }
}
