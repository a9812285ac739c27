package io.refrain.bench;

import io.refrain.catalog.DemoCatalog;
import io.refrain.history.ListenStatsRebuild;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scratch: a generator on a fixed clock (before the change). */
final class Generators {
    static BenchGenerator make(ApplicationContext c, Clock clock) {
        return new BenchGenerator(c.getBean(DemoCatalog.class), c.getBean(CatalogExpansion.class), c.getBean(BenchUsers.class),
                c.getBean(ListenLoader.class), c.getBean(ListenStatsRebuild.class), c.getBean(BenchLibraries.class),
                c.getBean(io.refrain.catalog.BulkCatalog.class), c.getBean(io.refrain.platform.db.DatabaseSize.class), clock);
    }
}
