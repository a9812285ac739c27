package io.refrain.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.refrain.catalog.TrackResolution;
import io.refrain.catalog.TrackResolver;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one write path of listening history, behind every door (REST, ListenBrainz API, imports):
 * make sure the months' partitions exist, then in one transaction resolve the songs (creating the
 * ones the catalog lacks) and store the listens with all their statistics. The listens it is given
 * have passed {@link ListenRules}: each door checks them once, where its request becomes
 * {@link ListenInput}s, and answers problems in its own shape. What only the database can tell
 * (a catalog id that does not exist) is an {@link UnknownTracksException}.
 */
@Service
public class ListenIngestion {

    /**
     * What a submission did.
     *
     * @param added       listens stored now
     * @param duplicates  listens already stored (or, for imports, already heard from another source)
     * @param items       per submitted listen, in order: its catalog track and whether it was added
     */
    public record Result(int submitted, int added, int duplicates, int tracksCreated, List<Item> items) {
        public static final Result EMPTY = new Result(0, 0, 0, 0, List.of());
    }

    public record Item(long trackId, boolean added) {}

    private final ListenPartitions partitions;
    private final TrackResolver resolver;
    private final ListenWriteRepository writer;
    private final ListenEraser eraser;
    private final ListenStatsRebuild rebuild;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    ListenIngestion(
            ListenPartitions partitions,
            TrackResolver resolver,
            ListenWriteRepository writer,
            ListenEraser eraser,
            ListenStatsRebuild rebuild,
            TransactionTemplate transaction,
            MeterRegistry meters) {
        this.eraser = eraser;
        this.rebuild = rebuild;
        this.partitions = partitions;
        this.resolver = resolver;
        this.writer = writer;
        this.transaction = transaction;
        this.meters = meters;
    }

    /** Stores listens exactly once each (same user, time and track = same listen). */
    public Result submit(UUID userId, List<ListenInput> listens, ListenSource source) {
        return submit(userId, listens, source, null, Duration.ZERO, false);
    }

    /**
     * @param importId  the import batch the listens belong to (so it can be undone), or null
     * @param window    also treat a play of the same track less than this far from a stored one
     *                  as the same play (zero: only the exact same time)
     * @param dryRun    do everything, report it, keep nothing
     */
    public Result submit(
            UUID userId,
            List<ListenInput> listens,
            ListenSource source,
            Long importId,
            Duration window,
            boolean dryRun) {
        if (listens.size() > ListenRules.MAX_BATCH) { // every door cuts its batches to this; a caller's bug otherwise
            throw new IllegalArgumentException(
                    "at most " + ListenRules.MAX_BATCH + " listens at once, got " + listens.size());
        }
        if (listens.isEmpty()) {
            return Result.EMPTY;
        }
        partitions.ensure(listens.stream()
                .map(l -> YearMonth.from(l.listenedAt().atOffset(ZoneOffset.UTC)))
                .collect(Collectors.toSet()));
        Result result = transaction.execute(status -> {
            writer.lockUser(userId);
            Result written = write(userId, listens, source, importId, window);
            if (dryRun) {
                status.setRollbackOnly();
            }
            return written;
        });
        if (!dryRun) {
            meters.counter("refrain.listens.ingested", "source", source.column())
                    .increment(result.added());
        }
        return result;
    }

    /**
     * Removes the listens of an import batch (listen_imports row {@code importId}) and rebuilds
     * the user's statistics without them; returns how many were removed. Joins the caller's
     * transaction. Undo is rare, so a full recomputation of one user beats a second, incremental
     * copy of every statistic's definition.
     */
    public int eraseImport(UUID userId, long importId) {
        return transaction.execute(status -> {
            writer.lockUser(userId);
            int erased = eraser.eraseImport(userId, importId);
            if (erased > 0) {
                rebuild.rebuildWithin(userId); // counts and first/last plays from what is left, by the same definitions
            }
            return erased;
        });
    }

    private Result write(UUID userId, List<ListenInput> listens, ListenSource source, Long importId, Duration window) {
        TrackResolution resolution =
                resolver.resolve(listens.stream().map(ListenInput::track).toList(), true);
        if (!resolution.unknownIds().isEmpty()) {
            throw new UnknownTracksException(resolution.unknownIds().stream()
                    .map(i -> new UnknownTracksException.Unknown(
                            i, listens.get(i).track().trackId()))
                    .toList());
        }
        long[] trackIds = resolution.trackIds();
        List<ListenWriteRepository.Row> rows = new ArrayList<>(listens.size());
        Set<ListenWriteRepository.Key> seen = new LinkedHashSet<>();
        for (int i = 0; i < listens.size(); i++) {
            ListenInput l = listens.get(i);
            var row = new ListenWriteRepository.Row(
                    ListenWriteRepository.truncate(l.listenedAt()),
                    trackIds[i],
                    l.msPlayed(),
                    l.skipped(),
                    l.contextType(),
                    l.contextId(),
                    l.client());
            if (seen.add(row.key())) { // a listen twice in one batch is stored once
                rows.add(row);
            }
        }
        Set<ListenWriteRepository.Key> added = writer.write(userId, rows, source, importId, window);
        List<Item> items = new ArrayList<>(listens.size());
        Set<ListenWriteRepository.Key> reported = new HashSet<>();
        for (int i = 0; i < listens.size(); i++) {
            var key = new ListenWriteRepository.Key(
                    ListenWriteRepository.truncate(listens.get(i).listenedAt()), trackIds[i]);
            items.add(new Item(trackIds[i], added.contains(key) && reported.add(key)));
        }
        return new Result(listens.size(), added.size(), listens.size() - added.size(), resolution.created(), items);
    }
}
