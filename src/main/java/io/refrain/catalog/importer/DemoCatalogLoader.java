package io.refrain.catalog.importer;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start of a server with an empty catalog, loads the demo catalog shipped in the
 * jar (a few thousand real tracks from the Spotify-songs data set), so the service is useful at
 * once. Turned off with {@code REFRAIN_DEMO_CATALOG=false}.
 */
@Component
@ConditionalOnProperty(name = "refrain.demo-catalog", havingValue = "true", matchIfMissing = true)
class DemoCatalogLoader implements ApplicationRunner {

    static final String RESOURCE = "demo/catalog-demo.csv.gz";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

    private final CatalogImporter importer;
    private final JdbcClient jdbc;
    private final boolean cli;

    DemoCatalogLoader(CatalogImporter importer, JdbcClient jdbc,
                      @org.springframework.beans.factory.annotation.Value("${refrain.cli:false}") boolean cli) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.cli = cli;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (cli || jdbc.sql("select exists (select 1 from tracks)").query(Boolean.class).single()) {
            return;
        }
        ClassPathResource demo = new ClassPathResource(RESOURCE);
        log.info("The catalog is empty: loading the demo catalog");
        var summary = importer.importSources(List.of(new CatalogImporter.Source("demo catalog", demo.contentLength(),
                demo::getInputStream)), false);
        log.info("Demo catalog loaded: {} tracks, {} albums, {} artists in {} ms", summary.tracksInserted(),
                summary.albumsInserted(), summary.artistsInserted(), summary.elapsed().toMillis());
    }
}
