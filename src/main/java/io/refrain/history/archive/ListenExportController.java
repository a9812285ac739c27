package io.refrain.history.archive;

import io.refrain.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "history")
class ListenExportController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final ListenExporter exporter;
    private final Clock clock;

    ListenExportController(ListenExporter exporter, Clock clock) {
        this.exporter = exporter;
        this.clock = clock;
    }

    @GetMapping("/api/v1/me/listens/export")
    @Operation(
            summary = "Export your whole listening history",
            description = """
            Every listen you ever stored, oldest first, as JSON Lines (one object per line) in the shape of a \
            ListenBrainz export: `{"listened_at": <epoch seconds>, "track_metadata": {"artist_name", "track_name", \
            "release_name", "additional_info": {"duration_ms", "recording_mbid", "isrc", "spotify_id", "ms_played", \
            "submission_client", "refrain_track_id"}}}`. Includes listens the retention policy has archived out of \
            the database (they no longer show in recently played). Streamed as a file attachment.""",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content =
                                    @Content(
                                            mediaType = "application/x-ndjson",
                                            schema = @Schema(implementation = ExportedListen.class))))
    ResponseEntity<StreamingResponseBody> export(@Parameter(hidden = true) AuthenticatedUser user) {
        String file = "refrain-listens-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".jsonl";
        StreamingResponseBody body = out -> {
            var buffered = new BufferedOutputStream(out, 1 << 16);
            exporter.export(user.id(), buffered);
            buffered.flush();
        };
        return ResponseEntity.ok()
                .contentType(JSON_LINES)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }
}
