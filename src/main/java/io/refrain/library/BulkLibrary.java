package io.refrain.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk creation of libraries for datasets (offered to {@code bench generate}): each user's
 * library follows their listening statistics, set-based, so a user saves and loves what they
 * play most (see {@link BulkLibraryRepository} for the thresholds). "Random" choices hash ids,
 * so reruns agree. Joins the caller's transaction if there is one.
 */
@Service
public class BulkLibrary {

    /** What was created. */
    public record Counts(long savedTracks, long lovedTracks, long ratings, long tags, long taggedTracks) {}

    private final BulkLibraryRepository repository;

    BulkLibrary(BulkLibraryRepository repository) {
        this.repository = repository;
    }

    /** Libraries of these users from their statistics; {@code at} dates the rows that have no play time to take (tags). */
    @Transactional
    public Counts createFromListening(List<UUID> users, Instant at) {
        return repository.createFromListening(users.toArray(UUID[]::new), at);
    }
}
