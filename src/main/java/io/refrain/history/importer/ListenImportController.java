package io.refrain.history.importer;

import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/me/listen-imports", produces = "application/json")
@Tag(name = "history imports", description = """
        Import your listening history from Spotify (extended streaming history `Streaming_History_Audio_*.json` / \
        `endsong_*.json`, or account data `StreamingHistory*.json`), ListenBrainz (export JSON, JSONL or zip) or \
        Last.fm (scrobble CSV). The format is recognised from the content. Each upload is a batch with an id: \
        it runs in the background (poll it), can be a dry run (reports exactly what would be added and every row \
        left out, keeps nothing) and can be undone. Plays shorter than 30 s are left out \
        (REFRAIN_IMPORT_MIN_PLAY); a play of the same track within 120 s of one already in your history \
        (REFRAIN_IMPORT_DUPLICATE_WINDOW) is the same play from another source and is not added again.""")
class ListenImportController {

    /** A row of the file that was not added. */
    record SkippedRow(long position, String reason, String detail) {}

    /** The imports page continues below this import id (newest first). */
    private record AfterId(long id) {}

    /** The skipped rows continue after this position of the file. */
    private record AfterPosition(long position) {
        static final AfterPosition START = new AfterPosition(0);
    }

    private static final CursorCodec<AfterId> AFTER_ID = CursorCodec.of(AfterId.class);
    private static final CursorCodec<AfterPosition> AFTER_POSITION = CursorCodec.of(AfterPosition.class);

    private final ListenImportJobs jobs;
    private final ListenImporter importer;

    ListenImportController(ListenImportJobs jobs, ListenImporter importer) {
        this.jobs = jobs;
        this.importer = importer;
    }

    @PostMapping(consumes = "*/*")
    @Operation(summary = "Upload an export file", description = """
            The request body is the file itself (`curl --data-binary @StreamingHistory0.json`), plain or \
            gzip-compressed, up to REFRAIN_MAX_UPLOAD_SIZE (200 MB). Answers 202 with the batch (status `running`); \
            poll `GET /api/v1/me/listen-imports/{id}` until it is `done` or `failed`. An unknown format is a 400 \
            naming the formats known.""")
    ResponseEntity<ListenImportView> upload(
            @Parameter(hidden = true) AuthenticatedUser user,
            HttpServletRequest request,
            @Parameter(description = "the file's name, shown in the batch") @RequestParam(required = false)
                    String fileName,
            @Parameter(description = "report what would happen, keep nothing") @RequestParam(defaultValue = "false")
                    boolean dryRun)
            throws IOException {
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name != null && name.length() > 500) {
            throw io.refrain.platform.errors.ApiException.invalidField("fileName", "must be at most 500 characters");
        }
        ListenImportView batch = jobs.submit(user.id(), request.getInputStream(), name, dryRun);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/me/listen-imports/" + batch.id()))
                .body(batch);
    }

    @GetMapping
    @Operation(
            summary = "Your imports, newest first",
            description = "limit 1–50 (default 20); pass `next` as `cursor`.")
    Page<ListenImportView> list(
            @Parameter(hidden = true) AuthenticatedUser user,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = Limits.pageSize(limit, 20, 50);
        AfterId after = AFTER_ID.decode(cursor);
        List<ListenImportView> rows = importer.list(user.id(), after == null ? null : after.id(), size + 1);
        List<ListenImportView> items = rows.size() > size ? rows.subList(0, size) : rows;
        return new Page<>(
                items,
                rows.size() > size ? AFTER_ID.encode(new AfterId(items.getLast().id())) : null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One import: its status and numbers", description = """
            `rowsRead`, `added` (would be added, for a dry run), `duplicates`, `skipped` with `skippedByReason`, \
            `tracksCreated` (songs the catalog lacked), the span of the added listens; `error` when it failed \
            (what was added before the failure stays and can be undone).""")
    ListenImportView get(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return importer.view(user.id(), id);
    }

    @GetMapping("/{id}/skipped")
    @Operation(summary = "The rows an import left out, with why", description = """
            In file order: `position` (record or line number), `reason` (unparseable, too_short, not_music, \
            out_of_range, duplicate) and a detail. limit 1–500 (default 100); pass `next` as `cursor`.""")
    Page<SkippedRow> skipped(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = Limits.pageSize(limit, 100, 500);
        var rows = importer.skipped(
                user.id(),
                id,
                AFTER_POSITION.decodeOr(cursor, AfterPosition.START).position(),
                size + 1);
        var items = (rows.size() > size ? rows.subList(0, size) : rows)
                .stream()
                        .map(s -> new SkippedRow(s.position(), s.reason().name().toLowerCase(Locale.ROOT), s.detail()))
                        .toList();
        return new Page<>(
                items,
                rows.size() > size
                        ? AFTER_POSITION.encode(
                                new AfterPosition(items.getLast().position()))
                        : null);
    }

    @PostMapping("/{id}/undo")
    @Operation(summary = "Undo an import", description = """
            Removes every listen the import added and takes them out of your statistics. Only a finished or \
            failed import that is not a dry run can be undone (409 otherwise); catalog entries it created stay.""")
    ListenImportView undo(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable long id) {
        return importer.undo(user.id(), id);
    }
}
