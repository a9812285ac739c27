package io.refrain.bench;

import io.refrain.library.BulkLibrary;
import io.refrain.playlists.BulkPlaylists;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Libraries and playlists that follow each user's listening, made by the library and playlists
 * modules from the rebuilt statistics ({@link BulkLibrary}, {@link BulkPlaylists}): saved
 * tracks, albums and followed artists, loved tracks, ratings, tags, two playlists per listening
 * user and a handful of 10,000-track playlists (the big-playlist case of the load test). Both
 * in one transaction, so a failed run leaves neither.
 */
@Component
class BenchLibraries {

    static final int BIG_PLAYLISTS = 5;
    static final int BIG_PLAYLIST_TRACKS = 10_000;

    /** What was created, for the summary. */
    record Counts(
            long savedTracks,
            long lovedTracks,
            long ratings,
            long tags,
            long taggedTracks,
            long playlists,
            long entries) {}

    private final BulkLibrary library;
    private final BulkPlaylists playlists;
    private final TransactionTemplate transaction;

    BenchLibraries(BulkLibrary library, BulkPlaylists playlists, PlatformTransactionManager transactions) {
        this.library = library;
        this.playlists = playlists;
        this.transaction = new TransactionTemplate(transactions);
    }

    Counts create(UUID[] users, Instant now) {
        List<UUID> all = Arrays.asList(users);
        Instant at = now.minus(Duration.ofDays(30));
        return transaction.execute(status -> {
            BulkLibrary.Counts saved = library.createFromListening(all, at);
            BulkPlaylists.Counts lists = playlists.createFromListening(all, at, BIG_PLAYLISTS, BIG_PLAYLIST_TRACKS);
            return new Counts(
                    saved.savedTracks(),
                    saved.lovedTracks(),
                    saved.ratings(),
                    saved.tags(),
                    saved.taggedTracks(),
                    lists.playlists(),
                    lists.entries());
        });
    }
}
