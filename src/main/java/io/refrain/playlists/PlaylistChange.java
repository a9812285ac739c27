package io.refrain.playlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of an edit of a playlist's tracks.
 *
 * @param version  the playlist's version after the edit
 * @param entryIds the ids of the added entries, in playlist order (adds only)
 * @param changed  how many entries were added, removed or moved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaylistChange(long version, List<Long> entryIds, int changed) {}
