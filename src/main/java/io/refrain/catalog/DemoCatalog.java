package io.refrain.catalog;

import io.refrain.catalog.importer.CatalogImporter;
import io.refrain.catalog.importer.ImportSummary;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The demo catalog shipped in the jar (a few thousand real tracks from the Spotify-songs data
 * set): what a first server start loads into an empty catalog, and what {@code bench generate}
 * derives its synthetic tracks from when nothing else was imported.
 */
@Service
public class DemoCatalog {

    static final String RESOURCE = "demo/catalog-demo.csv.gz";

    private final CatalogImporter importer;
    private final CatalogRepository catalog;

    DemoCatalog(CatalogImporter importer, CatalogRepository catalog) {
        this.importer = importer;
        this.catalog = catalog;
    }

    /** Loads the demo catalog when the catalog has no track at all; returns the tracks it added (0: it had some). */
    public long loadIfEmpty(boolean showProgress) throws IOException {
        if (catalog.hasTracks()) {
            return 0;
        }
        ClassPathResource demo = new ClassPathResource(RESOURCE);
        ImportSummary summary = importer.importSources(
                List.of(new CatalogImporter.Source("demo catalog", demo.contentLength(), demo::getInputStream)),
                showProgress);
        return summary.tracksInserted();
    }
}
