package io.refrain.playlists.smart;

import io.refrain.catalog.TrackView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What rules would give now, without saving anything.
 *
 * @param matched    how many tracks the rules select (after the per-artist cap, before the limits)
 * @param trackCount how many tracks the playlist would hold (after the limits; at most 10,000)
 * @param tracks     its first tracks, in order
 */
public record SmartPreview(long matched, int trackCount, List<PreviewTrack> tracks) {

    /** A track and the conditions (JSON paths, e.g. {@code all[2]}) it satisfies. */
    public record PreviewTrack(
            TrackView track,

            @Schema(description = "paths of the conditions this track satisfies")
            List<String> satisfied) {}
}
