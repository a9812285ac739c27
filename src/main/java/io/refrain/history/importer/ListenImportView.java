package io.refrain.history.importer;

import java.time.Instant;
import java.util.Map;

/**
 * An import batch: what was read, added, found already there and left out (by reason), and
 * whether it is running, done, failed or undone. A dry run has the same numbers and kept nothing.
 */
public record ListenImportView(
        long id,
        String format,
        String fileName,
        boolean dryRun,
        String status,
        long rowsRead,
        long added,
        long duplicates,
        long skipped,
        long tracksCreated,
        Instant firstListen,
        Instant lastListen,
        String error,
        Instant startedAt,
        Instant finishedAt,
        Instant undoneAt,
        Map<String, Long> skippedByReason) {}
