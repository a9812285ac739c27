package io.refrain.catalog.importer;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code refrain import catalog FILE…}: imports catalog CSV files, with progress and a summary. */
@Component
class ImportCommand implements CliCommand {

    private final CatalogImporter importer;

    ImportCommand(CatalogImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String subject() {
        return "catalog";
    }

    @Override
    public int run(List<String> files) {
        if (files.isEmpty()) {
            throw new CliException("name at least one catalog file (CSV, optionally gzip-compressed)");
        }
        var sources =
                files.stream().map(Path::of).map(CatalogImporter.Source::of).toList();
        ImportSummary summary = importer.importSources(sources, true);
        System.out.print(summary.describe());
        return 0;
    }
}
