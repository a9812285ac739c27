package io.refrain.playlists.importer;

import io.refrain.accounts.AccountService;
import io.refrain.platform.cli.CliException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the dataset's playlists (one row per playlist and track) and writes them, in one
 * transaction and a fixed number of set-based statements ({@link DatasetPlaylistRepository}), as
 * public playlists of the system account (found or made through {@link AccountService}). A playlist's id is derived from its dataset id, so a re-import finds it again; its
 * entries are rewritten only when its track list changed (and then its version goes up).
 * Memory holds the playlist/track pairs (about 1 MB for the 32,833-row dataset).
 */
@Service
public class DatasetPlaylistImporter {

    static final String OWNER_EMAIL = "playlists@refrain.local";
    static final String OWNER_NAME = "Refrain Playlists";
    static final long GAP = 1L << 20; // the playlists module's position spacing

    /** What an import did. */
    public record Summary(
            UUID owner,
            int playlists,
            int inserted,
            int updated,
            int unchanged,
            long entriesWritten,
            long missingTracks) {
        String describe() {
            return ("Playlists: %,d in the files: %,d inserted, %,d updated, %,d unchanged; %,d entries written; "
                            + "%,d tracks not in the catalog (left out).%nOwner: %s (GET /api/v1/users/%s/playlists)")
                    .formatted(playlists, inserted, updated, unchanged, entriesWritten, missingTracks, owner, owner);
        }
    }

    private record DatasetPlaylist(String key, String name, String description, Set<String> trackKeys) {}

    private final DatasetPlaylistRepository repository;
    private final TransactionTemplate transaction;
    private final AccountService accounts;
    private final Clock clock;

    DatasetPlaylistImporter(
            DatasetPlaylistRepository repository,
            TransactionTemplate transaction,
            AccountService accounts,
            Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Summary importFiles(List<Path> files) {
        Map<String, DatasetPlaylist> playlists = new LinkedHashMap<>();
        for (Path file : files) {
            read(file, playlists);
        }
        UUID owner = accounts.systemAccount(OWNER_EMAIL, OWNER_NAME);
        return transaction.execute(status -> write(owner, playlists.values()));
    }

    private static void read(Path file, Map<String, DatasetPlaylist> playlists) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                CSVParser csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8))) {
            for (String column :
                    List.of("playlist_id", "playlist_name", "playlist_genre", "playlist_subgenre", "track_id")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new CliException(file + " has no playlists: missing column " + column);
                }
            }
            for (CSVRecord row : csv) {
                if (!row.isConsistent()
                        || row.get("playlist_id").isBlank()
                        || row.get("track_id").isBlank()) {
                    continue; // the catalog import reports bad rows; here they only carry no playlist entry
                }
                String name = row.get("playlist_name").isBlank()
                                || row.get("playlist_name").equals("NA")
                        ? "Playlist " + row.get("playlist_id")
                        : row.get("playlist_name").strip();
                playlists
                        .computeIfAbsent(
                                row.get("playlist_id"),
                                key -> new DatasetPlaylist(
                                        key,
                                        name.length() > 200 ? name.substring(0, 200) : name,
                                        "From the Spotify songs dataset: " + row.get("playlist_genre") + " / "
                                                + row.get("playlist_subgenre") + ".",
                                        new LinkedHashSet<>()))
                        .trackKeys()
                        .add(row.get("track_id"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CliException(file + " could not be read as CSV: " + e.getMessage());
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private Summary write(UUID owner, java.util.Collection<DatasetPlaylist> playlists) {
        List<UUID> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<UUID> entryPlaylists = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<String> trackKeys = new ArrayList<>();
        for (DatasetPlaylist p : playlists) {
            UUID id = UUID.nameUUIDFromBytes(("dataset-playlist:" + p.key()).getBytes(StandardCharsets.UTF_8));
            ids.add(id);
            names.add(p.name());
            descriptions.add(p.description());
            int ordinal = 0;
            for (String key : p.trackKeys()) {
                entryPlaylists.add(id);
                ordinals.add(ordinal++);
                trackKeys.add(key);
            }
        }
        Instant now = clock.instant();
        repository.stageEntries(entryPlaylists, ordinals, trackKeys);
        long missing = repository.dropMissingTracks();
        repository.stagePlaylists(owner, ids, names, descriptions);
        int inserted = repository.insertNew(owner, now);
        int updated = repository.updateChanged(owner, now);
        long entries = repository.rewriteEntries(owner, GAP, now);
        return new Summary(owner, ids.size(), inserted, updated, ids.size() - inserted - updated, entries, missing);
    }
}
