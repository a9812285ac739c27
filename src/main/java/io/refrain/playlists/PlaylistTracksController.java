package io.refrain.playlists;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.platform.web.Limits;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.CRC32;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping(path = "/api/v1/playlists/{id}", produces = "application/json")
@Tag(
        name = "playlist tracks",
        description =
                "The ordered tracks of a playlist, votes and the activity feed. Positions are "
                        + "0-based. A playlist holds at most 10,000 tracks. Edits return the new version; name the version an edit is "
                        + "based on (body `version` or If-Match) to get 409 version-conflict rather than applying it to a newer playlist.")
class PlaylistTracksController {

    private final PlaylistTrackService tracks;

    PlaylistTracksController(PlaylistTrackService tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/tracks")
    @Operation(
            summary = "A page of a playlist's tracks",
            description =
                    "sort: position (default) or votes (highest score first, ties in playlist order). limit 1–100 "
                            + "(default 50). Each entry has its entry id, position, who added it and when, its votes and your vote, "
                            + "and the track with your own saved/rating state. Weak ETag from the playlist version, the page "
                            + "asked for and your own state of its tracks; If-None-Match answers 304.")
    ResponseEntity<Page<PlaylistEntryView>> page(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            WebRequest request) {
        int size = Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX);
        PlaylistTrackService.Sort order = sort(sort);
        var result = tracks.page(id, user.id(), order, size, cursor);
        String etag = "W/\"" + result.version() + "-" + digest(order, size, cursor, result.page()) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(result.page());
    }

    @PostMapping(path = "/tracks", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add tracks (owner and editors)",
            description = "1–100 catalog track ids (repeats allowed), before the entry at `position` or at the end. "
                    + "Unknown ids: 400. Past 10,000 tracks: 409 playlist-full. Returns the new version and entry ids.")
    PlaylistChange add(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PlaylistRequests.AddTracks body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tracks.add(id, user.id(), body.trackIds(), body.position(), Versions.expected(body.version(), ifMatch));
    }

    @PostMapping(path = "/tracks/remove", consumes = "application/json")
    @Operation(
            summary = "Remove tracks (owner and editors)",
            description =
                    "By `entryIds` (1–100; any not in the playlist: 409 and nothing removed) or by range `start`, "
                            + "`count` (within the playlist). Returns the new version.")
    PlaylistChange remove(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PlaylistRequests.RemoveTracks body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tracks.remove(id, user.id(), body, Versions.expected(body.version(), ifMatch));
    }

    @PostMapping(path = "/tracks/move", consumes = "application/json")
    @Operation(
            summary = "Move a range of tracks (owner and editors)",
            description = "The `rangeLength` (default 1) entries from `rangeStart` go before the entry now at "
                    + "`insertBefore` (0..track count). A target inside the range changes nothing (same version).")
    PlaylistChange move(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @Valid @RequestBody PlaylistRequests.MoveTracks body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tracks.move(id, user.id(), body, Versions.expected(body.version(), ifMatch));
    }

    @PutMapping(path = "/entries/{entryId}/vote", consumes = "application/json")
    @Operation(
            summary = "Vote an entry up (1) or down (-1)",
            description = "Owner, collaborators and followers; one vote per person and entry, changeable. Votes do not "
                    + "change the playlist's version.")
    PlaylistTrackService.VoteResult vote(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @PathVariable long entryId,
            @Valid @RequestBody PlaylistRequests.Vote body) {
        if (body.vote() != 1 && body.vote() != -1) {
            throw ApiException.invalidField("vote", "must be 1 or -1");
        }
        return tracks.vote(id, user.id(), entryId, body.vote());
    }

    @DeleteMapping("/entries/{entryId}/vote")
    @Operation(summary = "Take back your vote on an entry")
    PlaylistTrackService.VoteResult unvote(
            @Parameter(hidden = true) AuthenticatedUser user, @PathVariable UUID id, @PathVariable long entryId) {
        return tracks.vote(id, user.id(), entryId, null);
    }

    @GetMapping("/activity")
    @Operation(
            summary = "Who changed what, newest first",
            description = "Anyone who may read the playlist. limit 1–100 (default 50).")
    Page<ActivityView> activity(
            @Parameter(hidden = true) AuthenticatedUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return tracks.activity(
                id, user.id(), Limits.pageSize(limit, PlaylistLimits.PAGE_DEFAULT, PlaylistLimits.PAGE_MAX), cursor);
    }

    private static PlaylistTrackService.Sort sort(String sort) {
        if (sort == null) {
            return PlaylistTrackService.Sort.POSITION;
        }
        try {
            return PlaylistTrackService.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("sort", "must be position or votes");
        }
    }

    /** The page parameters and what of the page is the reader's own or changes without a new version. */
    private static String digest(
            PlaylistTrackService.Sort sort, int limit, String cursor, Page<PlaylistEntryView> page) {
        StringBuilder text = new StringBuilder()
                .append(sort)
                .append('|')
                .append(limit)
                .append('|')
                .append(cursor);
        for (PlaylistEntryView entry : page.items()) {
            text.append('|')
                    .append(entry.entryId())
                    .append(':')
                    .append(entry.votes())
                    .append(':')
                    .append(entry.myVote())
                    .append(':')
                    .append(Objects.toString(entry.track().me()));
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
