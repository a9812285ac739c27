package io.refrain.playlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A playlist's details.
 *
 * @param version increases by one with every change of details or tracks (like a snapshot id)
 * @param role    the reader's relation to it: owner, editor, viewer, or none (a public playlist)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaylistView(
        UUID id,
        UUID ownerId,
        String name,
        String description,
        String coverUrl,
        @JsonProperty("public") @Schema(name = "public") boolean isPublic,
        long version,
        int trackCount,
        String role,
        Instant createdAt,
        Instant updatedAt) {}
