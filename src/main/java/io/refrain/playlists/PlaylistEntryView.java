package io.refrain.playlists;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.refrain.catalog.TrackView;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a playlist.
 *
 * @param position its 0-based index in the playlist
 * @param addedBy  who added it (null once that account is deleted)
 * @param votes    the sum of up (+1) and down (-1) votes
 * @param myVote   the reader's own vote, null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaylistEntryView(
        long entryId, long position, UUID addedBy, Instant addedAt, int votes, Integer myVote, TrackView track) {}
