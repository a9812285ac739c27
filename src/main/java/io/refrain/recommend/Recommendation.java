package io.refrain.recommend;

import io.refrain.catalog.TrackView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** An answer of {@code GET /api/v1/recommendations}, in the shape Spotify's endpoint had. */
@Schema(description = "recommended tracks with their reasons, and the seeds they grew from")
public record Recommendation(
        List<Seed> seeds,
        List<RecommendedTrack> tracks,

        @Schema(description = "the discovery session this answer was kept as (with session=true), else null")
        UUID sessionId) {

    /**
     * One seed and how many candidates it gave.
     *
     * @param initialPoolSize candidates this seed produced before the hard filters
     * @param afterFilteringSize of those, how many passed the hard filters
     * @param afterRelinkingSize as afterFilteringSize (kept for clients of Spotify's shape; Refrain does not relink)
     */
    public record Seed(
            String id,

            @Schema(description = "track, artist, genre or profile")
            String type,

            String href,
            int initialPoolSize,
            int afterFilteringSize,
            int afterRelinkingSize) {}

    /** A recommended track, its score (0–1 and a little above) and why it is here. */
    public record RecommendedTrack(TrackView track, double score, List<String> reasons) {}
}
