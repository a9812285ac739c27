package io.refrain.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk work on the catalog for datasets (offered to {@code bench generate}): growing the
 * catalog with synthetic tracks derived from the real ones (see {@link BulkCatalogRepository}),
 * in one transaction of set-based statements, and reading every track in popularity order for
 * a generator to sample from.
 */
@Service
public class BulkCatalog {

    /** A track as a listen generator samples it: id, duration in ms (0 if unknown), its lowest genre id (-1 if none). */
    public record TrackSample(long id, int durationMs, int genreId) {}

    /**
     * Grow the catalog to {@code target} tracks; {@code seed} decides every derived value, and
     * consecutive synthetic tracks share an album ({@code tracksPerAlbum}) and an artist (about
     * {@code tracksPerArtist} tracks each).
     */
    public record DerivedTracks(long target, long seed, int tracksPerAlbum, int tracksPerArtist) {
        public DerivedTracks {
            if (tracksPerAlbum < 1 || tracksPerArtist < 1) {
                throw new IllegalArgumentException("tracks per album and per artist must be at least 1");
            }
        }
    }

    private final BulkCatalogRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BulkCatalog(BulkCatalogRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public long trackCount() {
        return repository.trackCount();
    }

    /** Every track, most popular first. */
    public List<TrackSample> tracksByPopularity() {
        return repository.tracksByPopularity();
    }

    /** Adds synthetic tracks until the catalog has {@code tracks.target()}; returns how many it added (0 when it already had enough). */
    public long addDerivedTracks(DerivedTracks tracks) {
        long missing = tracks.target() - repository.trackCount();
        if (missing <= 0) {
            return 0;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Long added = transaction.execute(status ->
                repository.expand(missing, tracks.seed(), tracks.tracksPerAlbum(), tracks.tracksPerArtist(), now));
        repository.analyzeTracks();
        return added == null ? 0 : added;
    }
}
