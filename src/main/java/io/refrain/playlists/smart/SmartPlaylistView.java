package io.refrain.playlists.smart;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A smart playlist's details.
 *
 * @param rules       the rules in canonical form (valid .nsp rules)
 * @param trackCount  the number of tracks at the last refresh
 * @param refreshedAt when the membership was last rebuilt (null: never yet)
 * @param unavailablePlaylists playlists the rules name that you can no longer read (made private,
 *                    you were removed as a collaborator, deleted): they count as empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartPlaylistView(
        UUID id,
        String name,
        String description,

        @Schema(
                description = "the rule tree: all/any, conditions, sort, order, limit, limitPercent, "
                        + "maxPerArtist, spreadArtists")
        JsonNode rules,

        @Schema(
                description = "Playlists named by inPlaylist/notInPlaylist that you can no longer "
                        + "read (made private, you were removed as a collaborator, or deleted). They count as "
                        + "empty: inPlaylist matches nothing, notInPlaylist excludes nothing.")
        List<UUID> unavailablePlaylists,

        int trackCount,
        Instant refreshedAt,
        Instant createdAt,
        Instant updatedAt) {}
