package io.refrain.history.importer;

import io.refrain.catalog.TrackReference;
import io.refrain.history.HistoryProperties;
import io.refrain.history.ListenIngestion;
import io.refrain.history.ListenInput;
import io.refrain.history.ListenRules;
import io.refrain.history.ListenSource;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an export file into a user's history as one batch with an id: rows stream from the
 * file (constant memory) in chunks of 1,000 through the same write path as every listen, so
 * statistics are exact and a listen already there (or heard from another source within the
 * duplicate window) is not added twice. Every row left out is recorded with its reason. A dry
 * run does all of it inside one transaction that is rolled back, so its report is exactly what
 * a real run would do. A batch can be undone.
 */
@Service
public class ListenImporter {

    static final int CHUNK = ListenRules.MAX_BATCH;
    private static final Logger log = LoggerFactory.getLogger(ListenImporter.class);

    /** What to do with a file. {@code window} null = the configured duplicate window. */
    public record Options(boolean dryRun, Duration window) {}

    /** Told now and then how far the import got: bytes of the file read, rows read. */
    @FunctionalInterface
    public interface ProgressListener {
        void update(long bytes, long rows);
    }

    private final ListenImportRepository imports;
    private final ListenIngestion ingestion;
    private final ListenRules rules;
    private final HistoryProperties.Import settings;
    private final TransactionTemplate transaction;
    private final ImportHeartbeat heartbeat;
    private final Clock clock;

    ListenImporter(
            ListenImportRepository imports,
            ListenIngestion ingestion,
            ListenRules rules,
            HistoryProperties history,
            TransactionTemplate transaction,
            ImportHeartbeat heartbeat,
            Clock clock) {
        this.imports = imports;
        this.heartbeat = heartbeat;
        this.ingestion = ingestion;
        this.rules = rules;
        this.settings = history.importing();
        this.transaction = transaction;
        this.clock = clock;
    }

    public ListenExportReader reader() {
        return new ListenExportReader(clock, (int) settings.minPlay().toMillis());
    }

    /** Detects the file's format (an unknown one is a 400 naming the formats known) and registers the batch. */
    public long start(UUID userId, Path file, String fileName, boolean dryRun) {
        ExportFormat format;
        try {
            format = reader().detect(file);
        } catch (UnknownExportFormatException e) {
            throw ApiException.invalidField("file", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("could not read the uploaded file", e);
        }
        long id = imports.create(
                userId, format.name().toLowerCase(java.util.Locale.ROOT), fileName, dryRun, clock.instant());
        heartbeat.started(id); // alive from now on, also while it waits for its turn; run() ends it
        return id;
    }

    /** A registered batch that will not run after all (it could not be queued): failed now, not after its heartbeat goes stale. */
    void abandon(long importId, String error) {
        heartbeat.ended(importId);
        imports.finish(importId, "failed", error, clock.instant());
    }

    /** Runs a registered batch to the end; failures are recorded on the batch (status failed) and rethrown. */
    public ListenImportView run(UUID userId, long importId, Path file, Options options, ProgressListener progress) {
        Duration window = options.window() == null ? settings.duplicateWindow() : options.window();
        Run run = new Run(userId, importId, window, options.dryRun());
        try {
            if (options.dryRun()) {
                transaction.executeWithoutResult(status -> {
                    run.readAll(file, progress);
                    status.setRollbackOnly(); // keep nothing: not the listens, not the catalog entries
                });
                imports.addSkips(importId, run.allSkips);
            } else {
                run.readAll(file, progress);
            }
            imports.progress(importId, run.progress());
            imports.finish(importId, "done", null, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Import {} failed after {} rows", importId, run.read, e);
            imports.progress(importId, run.progress());
            imports.finish(importId, "failed", String.valueOf(e.getMessage()), clock.instant());
            throw e;
        } finally {
            heartbeat.ended(importId);
        }
        return view(userId, importId);
    }

    /** Removes the batch's listens and everything they counted for. */
    public ListenImportView undo(UUID userId, long importId) {
        ListenImportView batch = view(userId, importId);
        if (batch.dryRun() || !List.of("done", "failed").contains(batch.status())) {
            throw ApiException.conflict(
                    "import-not-undoable",
                    "Import " + importId + " is " + (batch.dryRun() ? "a dry run" : batch.status())
                            + "; only a finished or failed import can be undone.");
        }
        transaction.executeWithoutResult(status -> {
            ingestion.eraseImport(userId, importId);
            imports.markUndone(userId, importId, clock.instant());
        });
        return view(userId, importId);
    }

    public ListenImportView view(UUID userId, long importId) {
        return imports.find(userId, importId)
                .orElseThrow(() -> ApiException.notFound("You have no import " + importId + "."));
    }

    public List<ListenImportView> list(UUID userId, Long beforeId, int limit) {
        return imports.list(userId, beforeId, limit);
    }

    public List<ListenImportRepository.Skip> skipped(UUID userId, long importId, long afterPosition, int limit) {
        view(userId, importId); // 404 unless it is the user's
        return imports.skips(importId, afterPosition, limit);
    }

    /** The state of one file's import while it runs. */
    private final class Run {
        final UUID userId;
        final long importId;
        final Duration window;
        final boolean dryRun;
        final List<ListenImportRepository.Skip> allSkips = new ArrayList<>();
        long read;
        long added;
        long duplicates;
        long skipped;
        long created;
        Instant first;
        Instant last;

        Run(UUID userId, long importId, Duration window, boolean dryRun) {
            this.userId = userId;
            this.importId = importId;
            this.window = window;
            this.dryRun = dryRun;
        }

        void readAll(Path file, ProgressListener progress) {
            List<ExportRow.Listen> chunk = new ArrayList<>(CHUNK);
            List<ListenImportRepository.Skip> skips = new ArrayList<>();
            try (Stream<ExportRow> rows = reader().read(file, bytes -> progress.update(bytes, read))) {
                Iterator<ExportRow> it = rows.iterator();
                while (it.hasNext()) {
                    ExportRow row = it.next();
                    read++;
                    switch (row) {
                        case ExportRow.Listen listen -> chunk.add(listen);
                        case ExportRow.Skipped s -> {
                            skipped++;
                            skips.add(new ListenImportRepository.Skip(s.position(), s.reason(), s.detail()));
                        }
                    }
                    if (chunk.size() == CHUNK) {
                        store(chunk, skips);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not read " + file.getFileName() + ": " + e.getMessage(), e);
            }
            store(chunk, skips);
        }

        /** Writes a chunk of listens and the skipped rows gathered so far. */
        private void store(List<ExportRow.Listen> chunk, List<ListenImportRepository.Skip> skips) {
            List<ListenInput> inputs = new ArrayList<>(chunk.size());
            List<Long> positions = new ArrayList<>(chunk.size());
            for (ExportRow.Listen row : chunk) {
                ListenInput input = input(row.listen());
                List<FieldProblem> problems = rules.check(List.of(input), null);
                if (problems.isEmpty()) {
                    inputs.add(input);
                    positions.add(row.position());
                } else {
                    skipped++;
                    skips.add(new ListenImportRepository.Skip(
                            row.position(),
                            SkipReason.UNPARSEABLE,
                            problems.getFirst().field() + " "
                                    + problems.getFirst().message()));
                }
            }
            if (!inputs.isEmpty()) {
                ListenIngestion.Result result =
                        ingestion.submit(userId, inputs, ListenSource.IMPORT, importId, window, dryRun);
                added += result.added();
                created += result.tracksCreated();
                for (int i = 0; i < inputs.size(); i++) {
                    if (result.items().get(i).added()) {
                        Instant at = inputs.get(i).listenedAt();
                        first = first == null || at.isBefore(first) ? at : first;
                        last = last == null || at.isAfter(last) ? at : last;
                    } else {
                        duplicates++;
                        skips.add(new ListenImportRepository.Skip(
                                positions.get(i),
                                SkipReason.DUPLICATE,
                                "already in the history (the same track within " + window.toSeconds() + " s)"));
                    }
                }
            }
            if (dryRun) {
                allSkips.addAll(skips); // written after the rollback
            } else {
                imports.addSkips(importId, skips);
                imports.progress(importId, progress());
            }
            chunk.clear();
            skips.clear();
        }

        ListenImportRepository.Progress progress() {
            return new ListenImportRepository.Progress(read, added, duplicates, skipped, created, first, last);
        }
    }

    static ListenInput input(ExportedListen l) {
        var track = new TrackReference(
                null,
                l.artist(),
                l.title(),
                l.album(),
                l.durationMs(),
                l.isrc(),
                l.recordingMbid(),
                l.spotifyTrackId());
        return new ListenInput(
                l.listenedAt(), track, l.msPlayed(), Boolean.TRUE.equals(l.skipped()), null, null, l.client());
    }
}
