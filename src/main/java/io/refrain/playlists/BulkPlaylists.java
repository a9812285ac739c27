package io.refrain.playlists;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk creation of playlists for datasets (offered to {@code bench generate}), set-based on the
 * users' listening statistics: two playlists per user with plays, "On repeat" (their top 50)
 * and "Deep cuts" (the next 100), and an "Everything" playlist of the most popular tracks for
 * the first few users (the big-playlist case of the load test). Positions are gapped like
 * appends. Joins the caller's transaction if there is one.
 */
@Service
public class BulkPlaylists {

    /** What was created. */
    public record Counts(long playlists, long entries) {}

    private final BulkPlaylistsRepository repository;

    BulkPlaylists(BulkPlaylistsRepository repository) {
        this.repository = repository;
    }

    /**
     * Playlists of these users, created at {@code at}; the first {@code bigPlaylistUsers} of them
     * also get an "Everything" playlist of the {@code bigPlaylistTracks} most popular tracks.
     */
    @Transactional
    public Counts createFromListening(List<UUID> users, Instant at, int bigPlaylistUsers, int bigPlaylistTracks) {
        return repository.createFromListening(users.toArray(UUID[]::new), at, bigPlaylistUsers, bigPlaylistTracks);
    }
}
