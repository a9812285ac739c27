package io.refrain.history.importer;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An upload being imported when the server stopped never finishes: on start the server marks
 * such batches failed (what they added stays and can be undone, or the file imported again,
 * which adds only what is missing). Server only: a CLI import starting must not touch the
 * server's batches. With several servers on one database, a starting one also marks the
 * others' running uploads (documented limit).
 */
@Component
@ConditionalOnProperty(name = "refrain.cli", havingValue = "false", matchIfMissing = true)
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final ListenImportRepository imports;
    private final Clock clock;

    InterruptedImports(ListenImportRepository imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void markFailed() {
        int marked = imports.failRunning(clock.instant(), "interrupted by a restart of the server; what was added stays "
                + "(undo it, or upload the file again: only what is missing is added)");
        if (marked > 0) {
            log.warn("Marked {} interrupted listen imports as failed", marked);
        }
    }
}
