package io.refrain.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code listens}. There is no default partition (rows landing there
 * would block creating the month later), so every write first makes sure its months exist:
 * the months known to exist are remembered, and a missing one (an import of 2009 scrobbles) is
 * created in a short transaction of its own before the write begins. A daily job creates the
 * next {@value #MONTHS_AHEAD} months ahead of time so live traffic never waits for DDL.
 */
@Component
public class ListenPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(ListenPartitions.class);

    private final ListenPartitionRepository repository;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Set<YearMonth> existing = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    ListenPartitions(ListenPartitionRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Creates the partitions of these months that do not exist yet. Call outside the write's transaction. */
    public void ensure(Collection<YearMonth> months) {
        if (!loaded) {
            reload();
        }
        for (YearMonth month : new TreeSet<>(months)) {
            if (!existing.contains(month)) {
                Boolean created = ownTransaction.execute(status -> repository.create(month));
                if (Boolean.TRUE.equals(created)) {
                    log.info("Created the listens partition for {}", month);
                }
                existing.add(month);
            }
        }
    }

    /** The months that have a partition, oldest first, as the database says now. */
    public List<YearMonth> months() {
        reload();
        return existing.stream().sorted().toList();
    }

    /** The oldest month with a partition (older ones were archived or never had listens), or null. */
    public YearMonth oldest() {
        if (!loaded) {
            reload();
        }
        return existing.stream().min(YearMonth::compareTo).orElse(null);
    }

    /** Forgets what it knew (after partitions were detached or dropped). */
    public void reload() {
        List<YearMonth> found = repository.existing();
        existing.clear();
        existing.addAll(found);
        loaded = true;
    }

    /**
     * The daily tick, once across all servers. A few DDL statements take seconds; held at most
     * 10 minutes so a server that died mid-run does not hold it for long (creating a partition
     * is idempotent and serialised by an advisory lock in the database, so an overlap is
     * harmless anyway). Held at least {@code refrain.jobs.lock-at-least-for} so a server whose
     * tick fires a little later does not repeat it.
     */
    @Scheduled(cron = "${refrain.history.partition-cron}", zone = "UTC")
    @SchedulerLock(
            name = "history.listen-partitions-ahead",
            lockAtMostFor = "10m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    public void scheduledCreateAhead() {
        createAhead();
    }

    /**
     * Creates this month and the next {@value #MONTHS_AHEAD}. Every server also does it when it
     * starts, without the lock: it is idempotent, and a starting server must not wait for a tick.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void createAhead() {
        YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<YearMonth> months = new java.util.ArrayList<>();
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            months.add(now.plusMonths(i));
        }
        ensure(months);
    }
}
