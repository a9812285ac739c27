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
import java.sql.Timestamp;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the dataset's playlists (one row per playlist and track) and writes them, in one
 * transaction and a fixed number of set-based statements, as public playlists of the system
 * account. A playlist's id is derived from its dataset id, so a re-import finds it again; its
 * entries are rewritten only when its track list changed (and then its version goes up).
 * Memory holds the playlist/track pairs (about 1 MB for the 32,833-row dataset).
 */
@Service
public class DatasetPlaylistImporter {

    static final String OWNER_EMAIL = "playlists@refrain.local";
    static final String OWNER_NAME = "Refrain Playlists";
    static final long GAP = 1L << 20; // the playlists module's position spacing

    /** What an import did. */
    public record Summary(UUID owner, int playlists, int inserted, int updated, int unchanged, long entriesWritten,
                          long missingTracks) {
        String describe() {
            return ("Playlists: %,d in the files: %,d inserted, %,d updated, %,d unchanged; %,d entries written; "
                    + "%,d tracks not in the catalog (left out).%nOwner: %s (GET /api/v1/users/%s/playlists)")
                    .formatted(playlists, inserted, updated, unchanged, entriesWritten, missingTracks, owner, owner);
        }
    }

    private record DatasetPlaylist(String key, String name, String description, Set<String> trackKeys) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccountService accounts;
    private final Clock clock;

    DatasetPlaylistImporter(JdbcClient jdbc, TransactionTemplate transaction, AccountService accounts, Clock clock) {
        this.jdbc = jdbc;
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
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                     .parse(new InputStreamReader(decompressed(raw), StandardCharsets.UTF_8))) {
            for (String column : List.of("playlist_id", "playlist_name", "playlist_genre", "playlist_subgenre", "track_id")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new CliException(file + " has no playlists: missing column " + column);
                }
            }
            for (CSVRecord row : csv) {
                if (!row.isConsistent() || row.get("playlist_id").isBlank() || row.get("track_id").isBlank()) {
                    continue; // the catalog import reports bad rows; here they only carry no playlist entry
                }
                String name = row.get("playlist_name").isBlank() || row.get("playlist_name").equals("NA")
                        ? "Playlist " + row.get("playlist_id") : row.get("playlist_name").strip();
                playlists.computeIfAbsent(row.get("playlist_id"), key -> new DatasetPlaylist(key,
                        name.length() > 200 ? name.substring(0, 200) : name,
                        "From the Spotify songs dataset: " + row.get("playlist_genre") + " / " + row.get("playlist_subgenre") + ".",
                        new LinkedHashSet<>())).trackKeys().add(row.get("track_id"));
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
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        create temp table staged_entries on commit drop as
                        select u.playlist_id, u.ordinal, s.track_id
                        from unnest(:playlists::uuid[], :ordinals::int[], :keys::text[]) as u(playlist_id, ordinal, key)
                        left join catalog_track_sources s on s.provider = 'spotify' and s.external_id = u.key""")
                .param("playlists", entryPlaylists.toArray(UUID[]::new)).param("ordinals", ordinals.toArray(Integer[]::new))
                .param("keys", trackKeys.toArray(String[]::new)).update();
        long missing = jdbc.sql("select count(*) from staged_entries where track_id is null").query(Long.class).single();
        jdbc.sql("delete from staged_entries where track_id is null").update();
        // which playlists are new, and which existing ones have another name or track list
        jdbc.sql("""
                        create temp table staged_playlists on commit drop as
                        select u.id, u.name, u.description, p.id is null as is_new,
                               p.id is not null and (p.name, p.description, p.public) is distinct from (u.name, u.description, true)
                                   as details_changed,
                               p.id is not null and (select coalesce(array_agg(e.track_id order by e.position), '{}')
                                                     from playlist_entries e where e.user_id = :owner and e.playlist_id = u.id)
                                                 is distinct from
                                                    (select coalesce(array_agg(s.track_id order by s.ordinal), '{}')
                                                     from staged_entries s where s.playlist_id = u.id) as tracks_changed
                        from unnest(:ids::uuid[], :names::text[], :descriptions::text[]) as u(id, name, description)
                        left join playlists p on p.user_id = :owner and p.id = u.id""")
                .param("owner", owner).param("ids", ids.toArray(UUID[]::new)).param("names", names.toArray(String[]::new))
                .param("descriptions", descriptions.toArray(String[]::new)).update();
        int inserted = jdbc.sql("""
                        insert into playlists (user_id, id, name, description, public, version, created_at, updated_at)
                        select :owner, id, name, description, true, 1, :now, :now from staged_playlists where is_new""")
                .param("owner", owner).param("now", now).update();
        int updated = jdbc.sql("""
                        update playlists p set name = s.name, description = s.description, public = true,
                               version = p.version + 1, updated_at = :now
                        from staged_playlists s
                        where p.user_id = :owner and p.id = s.id and (s.details_changed or s.tracks_changed)""")
                .param("owner", owner).param("now", now).update();
        jdbc.sql("""
                        delete from playlist_entries e using staged_playlists s
                        where e.user_id = :owner and e.playlist_id = s.id and s.tracks_changed""")
                .param("owner", owner).update();
        long entries = jdbc.sql("""
                        insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                        select :owner, e.playlist_id, (e.ordinal + 1) * :gap, e.track_id, :owner, :now
                        from staged_entries e join staged_playlists s on s.id = e.playlist_id
                        where s.is_new or s.tracks_changed""")
                .param("owner", owner).param("gap", GAP).param("now", now).update();
        return new Summary(owner, ids.size(), inserted, updated, ids.size() - inserted - updated,
                entries, missing);
    }
}
