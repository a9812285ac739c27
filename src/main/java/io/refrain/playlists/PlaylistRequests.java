package io.refrain.playlists;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The request bodies of the playlist endpoints. */
public final class PlaylistRequests {

    private PlaylistRequests() {}

    public record Create(
            @NotNull
            @Size(min = 1, max = PlaylistLimits.NAME_MAX)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name,

            @Size(max = PlaylistLimits.DESCRIPTION_MAX) String description,

            @Size(max = PlaylistLimits.URL_MAX) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            String coverUrl,

            @JsonProperty("public") @Schema(name = "public") Boolean isPublic) {}

    @Schema(
            description =
                    "Fields to change; absent or null fields stay. An empty string clears description or coverUrl.")
    public record Update(
            @Size(min = 1, max = PlaylistLimits.NAME_MAX)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name,

            @Size(max = PlaylistLimits.DESCRIPTION_MAX) String description,

            @Size(max = PlaylistLimits.URL_MAX)
            @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL")
            String coverUrl,

            @JsonProperty("public") @Schema(name = "public") Boolean isPublic,

            @Schema(description = "the version this edit is based on; 409 when the playlist has changed since")
            Long version) {}

    @Schema(
            description = "1–100 catalog track ids, inserted in this order before the entry now at `position` "
                    + "(0-based), or at the end when position is absent.")
    public record AddTracks(
            @NotNull @Size(min = 1, max = PlaylistLimits.MAX_BATCH)
            List<@NotNull Long> trackIds,

            Integer position,
            Long version) {}

    @Schema(description = "Either entryIds (1–100) or a range: `start` (0-based) and `count` (1–10,000).")
    public record RemoveTracks(
            @Size(min = 1, max = PlaylistLimits.MAX_BATCH) List<@NotNull Long> entryIds,
            Integer start,
            Integer count,
            Long version) {}

    @Schema(
            description = "Moves the `rangeLength` entries from `rangeStart` to before the entry now at `insertBefore` "
                    + "(positions 0-based, counted before the move; insertBefore = track count moves to the end).")
    public record MoveTracks(
            @NotNull Integer rangeStart,
            Integer rangeLength,
            @NotNull Integer insertBefore,
            Long version) {}

    public record Collaborator(
            @NotNull @Pattern(regexp = "viewer|editor", message = "must be viewer or editor")
            String role) {}

    public record Vote(
            @NotNull @Schema(description = "1 (up) or -1 (down)")
            Integer vote) {}

    public record CreateFolder(
            @NotNull
            @Size(min = 1, max = PlaylistLimits.NAME_MAX)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name,

            UUID parentId) {}

    public record RenameFolder(
            @NotNull
            @Size(min = 1, max = PlaylistLimits.NAME_MAX)
            @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name) {}

    @Schema(description = "The new parent folder; null moves the folder to the top level.")
    public record MoveFolder(UUID parentId) {}

    public record File(@NotNull UUID folderId) {}
}
