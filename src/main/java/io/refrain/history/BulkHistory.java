package io.refrain.history;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Bulk loading of listens for datasets (offered to {@code bench generate}): a stream of listens
 * goes into {@code listens} with one COPY, with no statistics and no catalog resolution (unlike
 * {@link ListenIngestion}, the write path of the API). The tracks must exist, the monthly
 * partitions of the listens must exist ({@link ListenPartitions#ensure}), and (user, time,
 * track) must be unique; afterwards {@link ListenStatsRebuild} builds the statistics from what
 * was stored.
 */
@Service
public class BulkHistory {

    /** One listen: {@code msPlayed} may be null (the statistics then count the track's duration), and {@code contextType}. */
    public record BulkListen(
            UUID userId, Instant listenedAt, long trackId, Integer msPlayed, boolean skipped, String contextType) {}

    /** Receives the listens to store, one at a time. */
    public interface Sink {
        void add(BulkListen listen) throws Exception;
    }

    /** Produces the listens into a sink; a failure cancels the whole load. */
    public interface Listens {
        void writeTo(Sink sink) throws Exception;
    }

    private final BulkHistoryRepository repository;

    BulkHistory(BulkHistoryRepository repository) {
        this.repository = repository;
    }

    /** Stores every listen {@code listens} produces, all from {@code client} and arrived by {@code source}, in one transaction; returns how many. */
    public long load(ListenSource source, String client, Listens listens) throws Exception {
        return repository.copy(source, client, listens);
    }
}
