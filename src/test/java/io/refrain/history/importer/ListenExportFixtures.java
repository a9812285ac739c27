package io.refrain.history.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared helpers: fixture paths, a fixed clock, and reading a whole (small) export into a list. */
final class ListenExportFixtures {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final ListenExportReader READER = new ListenExportReader(Clock.fixed(NOW, ZoneOffset.UTC), 30_000);

    private ListenExportFixtures() {}

    static Path fixture(String name) {
        try {
            return Path.of(ListenExportFixtures.class
                    .getResource("/history/imports/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ExportRow> readAll(Path file) {
        try (Stream<ExportRow> rows = READER.read(file)) {
            return rows.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExportedListen listenAt(List<ExportRow> rows, long position) {
        ExportRow row =
                rows.stream().filter(r -> r.position() == position).findFirst().orElseThrow();
        if (row instanceof ExportRow.Listen(long p, ExportedListen listen)) {
            return listen;
        }
        throw new AssertionError("row " + position + " is not a listen: " + row);
    }

    static ExportRow.Skipped skippedAt(List<ExportRow> rows, long position) {
        ExportRow row =
                rows.stream().filter(r -> r.position() == position).findFirst().orElseThrow();
        if (row instanceof ExportRow.Skipped s) {
            return s;
        }
        throw new AssertionError("row " + position + " is not skipped: " + row);
    }

    /** "LISTEN" or the skip reason, counted: the shape of an import at a glance. */
    static Map<String, Long> outcomes(List<ExportRow> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(ListenExportFixtures::outcome, TreeMap::new, Collectors.counting()));
    }

    static String outcome(ExportRow row) {
        return row instanceof ExportRow.Skipped s ? s.reason().name() : "LISTEN";
    }
}
