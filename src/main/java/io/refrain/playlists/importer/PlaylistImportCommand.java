package io.refrain.playlists.importer;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code refrain import playlists FILE…}: the playlists of the catalog dataset (its
 * {@code playlist_id}, {@code playlist_name}, genre columns and track order) as public playlists
 * of a system account. Run after {@code import catalog} on the same files; tracks the catalog
 * does not have are counted and left out. Idempotent: a second run changes nothing.
 */
@Component
class PlaylistImportCommand implements CliCommand {

    private final DatasetPlaylistImporter importer;

    PlaylistImportCommand(DatasetPlaylistImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String subject() {
        return "playlists";
    }

    @Override
    public int run(List<String> files) {
        if (files.isEmpty()) {
            throw new CliException(
                    "name at least one catalog file (CSV, optionally gzip-compressed) with playlist columns");
        }
        List<Path> paths = files.stream().map(Path::of).toList();
        for (Path path : paths) {
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                throw new CliException("cannot read " + path);
            }
        }
        System.out.println(importer.importFiles(paths).describe());
        return 0;
    }
}
