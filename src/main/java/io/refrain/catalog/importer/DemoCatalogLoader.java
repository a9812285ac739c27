package io.refrain.catalog.importer;

import io.refrain.catalog.DemoCatalog;
import io.refrain.platform.config.RefrainProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start of a server with an empty catalog, loads the demo catalog shipped in the
 * jar (a few thousand real tracks from the Spotify-songs data set), so the service is useful at
 * once. Turned off with {@code REFRAIN_DEMO_CATALOG=false}.
 */
@Component
@ConditionalOnProperty(name = "refrain.catalog.load-demo", havingValue = "true", matchIfMissing = true)
class DemoCatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

    private final DemoCatalog demo;
    private final boolean cli;

    DemoCatalogLoader(DemoCatalog demo, RefrainProperties platform) {
        this.demo = demo;
        this.cli = platform.cli();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (cli) {
            return;
        }
        long start = System.nanoTime();
        long tracks = demo.loadIfEmpty(false);
        if (tracks > 0) {
            log.info(
                    "The catalog was empty: demo catalog loaded, {} tracks in {} ms",
                    tracks,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
