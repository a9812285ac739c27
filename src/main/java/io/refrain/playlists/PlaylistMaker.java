package io.refrain.playlists;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a new playlist of a user from a list of tracks, for other modules that offer "keep this as
 * a playlist" (generated playlists). It goes through the same create and add as the API, so the
 * limits, the checks and the activity feed are the same.
 */
@Service
public class PlaylistMaker {

    private final PlaylistService playlists;
    private final PlaylistTrackService tracks;

    PlaylistMaker(PlaylistService playlists, PlaylistTrackService tracks) {
        this.playlists = playlists;
        this.tracks = tracks;
    }

    /** A new private playlist of {@code owner} holding these tracks in this order; returns its id. */
    @Transactional
    public UUID make(UUID owner, String name, String description, List<Long> trackIds) {
        UUID id = playlists
                .create(owner, new PlaylistRequests.Create(name, description, null, false))
                .id();
        if (!trackIds.isEmpty()) {
            tracks.add(id, owner, trackIds, null, null);
        }
        return id;
    }
}
