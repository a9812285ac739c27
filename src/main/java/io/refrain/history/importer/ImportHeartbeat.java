package io.refrain.history.importer;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sign of life of the imports this process runs (queued or importing): every
 * {@link #INTERVAL} their {@code heartbeat_at} is written. An import whose heartbeat is older
 * than {@link #STALE_AFTER} has lost its process (a crash, a stop) and is marked failed by
 * {@link InterruptedImports} on any server; a live one on another server is left alone. Runs in
 * CLI imports too (its own thread, not the server's scheduler), so a server never fails a
 * running CLI import.
 */
@Component
class ImportHeartbeat {

    static final Duration INTERVAL = Duration.ofSeconds(15);
    /** Eight missed beats: far beyond a GC pause or a slow statement, short enough for a user waiting on a batch. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ImportHeartbeat.class);

    private final ListenImportRepository imports;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-heartbeat").daemon().factory());

    ImportHeartbeat(ListenImportRepository imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::beat, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From the moment the batch is registered (it may wait in the queue) until it ends. */
    void started(long importId) {
        running.add(importId);
    }

    void ended(long importId) {
        running.remove(importId);
    }

    void beat() {
        List<Long> ids = List.copyOf(running);
        if (ids.isEmpty()) {
            return;
        }
        try {
            imports.heartbeat(ids, clock.instant());
        } catch (RuntimeException e) {
            // the next beat tries again; only after STALE_AFTER of failures would the imports be failed
            log.warn("Could not write the heartbeat of imports {}", ids, e);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
