package io.refrain.playlists.smart;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A smart playlist's details.
 *
 * @param rules       the rules in canonical form (valid .nsp rules)
 * @param trackCount  the number of tracks at the last refresh
 * @param refreshedAt when the membership was last rebuilt (null: never yet)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmartPlaylistView(UUID id, String name, String description,
                                @Schema(description = "the rule tree: all/any, conditions, sort, order, limit, limitPercent, "
                                        + "maxPerArtist, spreadArtists") JsonNode rules,
                                int trackCount, Instant refreshedAt, Instant createdAt, Instant updatedAt) {
}
