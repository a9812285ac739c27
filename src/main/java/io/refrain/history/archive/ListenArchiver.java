package io.refrain.history.archive;

import io.refrain.history.ListenPartitions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archives months of listens: the partition's rows go to a gzip CSV file in the data directory,
 * checked (rows read back = rows in the partition), then the partition is detached and dropped
 * in the transaction that records the archive. The statistics are left alone on purpose: top
 * lists and totals keep counting archived listens, only recently played and a track's plays
 * no longer show them. A month is archived at most once; an existing file is never replaced.
 */
@Service
public class ListenArchiver {

    public enum Status {
        ARCHIVED,
        DRY_RUN,
        REFUSED
    }

    /** What happened to one month; {@code detail} says why it was refused. */
    public record Outcome(YearMonth month, Status status, long rows, String file, String detail) {}

    private static final Logger log = LoggerFactory.getLogger(ListenArchiver.class);

    private final ArchiveRepository repository;
    private final ArchiveFiles files;
    private final ListenPartitions partitions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ListenArchiver(
            ArchiveRepository repository,
            ArchiveFiles files,
            ListenPartitions partitions,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.files = files;
        this.partitions = partitions;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The months with a partition that ended at least {@code months} months ago, oldest first. */
    public List<YearMonth> due(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("keep at least one month, got " + months);
        }
        LocalDateTime cutoff =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(months);
        return partitions.months().stream()
                .filter(m -> !m.plusMonths(1).atDay(1).atStartOfDay().isAfter(cutoff))
                .toList();
    }

    /** Archives every month due (see {@link #due}), reporting each outcome as it happens. */
    public List<Outcome> archiveOlderThan(int months, boolean dryRun, Consumer<Outcome> progress) {
        List<Outcome> outcomes = new ArrayList<>();
        for (YearMonth month : due(months)) {
            Outcome outcome = archive(month, dryRun);
            progress.accept(outcome);
            outcomes.add(outcome);
        }
        return outcomes;
    }

    public Outcome archive(YearMonth month, boolean dryRun) {
        PartitionName name = PartitionName.of(month);
        Outcome outcome;
        try {
            outcome = transaction.execute(status -> archive(name, dryRun));
        } finally {
            partitions.reload(); // whatever happened, forget the partition list held in memory
        }
        if (outcome.status() == Status.REFUSED) {
            log.warn("Not archiving the listens of {}: {}", month, outcome.detail());
        } else if (outcome.status() == Status.ARCHIVED) {
            log.info("Archived {} listens of {} to {}", outcome.rows(), month, outcome.file());
        }
        return outcome;
    }

    private Outcome archive(PartitionName name, boolean dryRun) {
        repository.lockArchiving();
        String refusal = refusal(name);
        if (refusal != null) {
            return new Outcome(name.month(), Status.REFUSED, 0, name.fileName(), refusal);
        }
        repository.lockForCopy(name);
        long rows = repository.count(name);
        if (dryRun) {
            return new Outcome(name.month(), Status.DRY_RUN, rows, name.fileName(), null);
        }
        ArchiveFiles.Staged staged = files.stage(name, out -> repository.copyOut(name, out));
        Path published;
        try {
            long written = files.countRows(staged);
            if (written != rows) {
                throw new IllegalStateException("the archive of " + name.value() + " holds " + written
                        + " rows, the partition " + rows + "; nothing was dropped");
            }
            published = files.publish(staged, name);
        } finally {
            files.discard(staged.temp());
        }
        // if anything below or the commit fails the partition stays, and a file of ours would only block the retry
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.discard(published);
                }
            }
        });
        repository.record(name.month(), name.fileName(), rows, staged.bytes(), staged.sha256(), clock.instant());
        repository.detachAndDrop(name);
        return new Outcome(name.month(), Status.ARCHIVED, rows, published.toString(), null);
    }

    private String refusal(PartitionName name) {
        var archived = repository.archive(name.month());
        if (archived.isPresent()) {
            return "already archived (" + archived.get().rowCount() + " listens in "
                    + archived.get().fileName() + "); listens stored for that month since then stay in the database";
        }
        if (files.exists(name)) {
            return "the file " + files.path(name)
                    + " exists already and is never overwritten; move it away if it is stale";
        }
        if (!repository.partitionExists(name)) {
            return "there is no partition " + name.value();
        }
        return null;
    }
}
