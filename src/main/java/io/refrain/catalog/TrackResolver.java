package io.refrain.catalog;

import io.refrain.catalog.TrackResolutionRepository.NewTrack;
import io.refrain.catalog.identity.CatalogIdentity;
import io.refrain.catalog.identity.CatalogIdentity.AlbumName;
import io.refrain.catalog.identity.CatalogIdentity.Origin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Turns what a listen says about its song into catalog ids, a whole batch at a time: catalog
 * ids are checked, then external ids (ISRC, MusicBrainz recording, Spotify) are looked up,
 * then artist + title by their search forms (accents, case and punctuation do not matter;
 * a track credited to the artist among others counts; a track on the named album wins). Songs
 * the catalog lacks become new entries (origin {@code listen}) so no listen is ever lost; their
 * artists and albums are found or created by {@link CatalogIdentity}'s rule for listens.
 *
 * <p>A fixed number of statements per batch whatever its size. Runs in the caller's
 * transaction; creation takes transaction-scoped advisory locks on the song, artist and album
 * keys (in one sorted order, so concurrent batches never deadlock on them) and looks again
 * before creating, so concurrent batches naming the same new song make one track.
 */
@Service
public class TrackResolver {

    private final TrackResolutionRepository repository;
    private final CatalogIdentity identity;
    private final Clock clock;

    TrackResolver(TrackResolutionRepository repository, CatalogIdentity identity, Clock clock) {
        this.repository = repository;
        this.identity = identity;
        this.clock = clock;
    }

    public TrackResolution resolve(List<TrackReference> references, boolean createMissing) {
        long[] ids = new long[references.size()];
        List<Integer> unknownIds = checkCatalogIds(references, ids);
        bySources(references, ids);
        byNames(references, ids);
        Map<SongKey, List<Integer>> missing = missing(references, ids);
        if (missing.isEmpty()) {
            return new TrackResolution(ids, unknownIds, 0, 0);
        }
        if (!createMissing) {
            return new TrackResolution(ids, unknownIds, 0, missing.size());
        }
        lock(missing, references);
        byNames(references, ids); // another transaction may have made some of them while we waited
        missing = missing(references, ids);
        int created = missing.isEmpty() ? 0 : create(references, missing, ids);
        return new TrackResolution(ids, unknownIds, created, 0);
    }

    private List<Integer> checkCatalogIds(List<TrackReference> references, long[] ids) {
        Set<Long> wanted = new HashSet<>();
        references.forEach(r -> {
            if (r.trackId() != null) {
                wanted.add(r.trackId());
            }
        });
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<Long> known = new HashSet<>(repository.existing(wanted));
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Long id = references.get(i).trackId();
            if (id != null) {
                if (known.contains(id)) {
                    ids[i] = id;
                } else {
                    unknown.add(i);
                }
            }
        }
        return unknown;
    }

    /** ISRC, MusicBrainz recording id, Spotify id: one statement for all of them. */
    private void bySources(List<TrackReference> references, long[] ids) {
        List<String> providers = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            TrackReference r = references.get(i);
            if (ids[i] != 0 || r.trackId() != null) {
                continue;
            }
            addSource(providers, externalIds, positions, i, "spotify", r.spotifyId());
            addSource(providers, externalIds, positions, i, "musicbrainz", r.recordingMbid());
            addSource(providers, externalIds, positions, i, "isrc", r.isrc());
        }
        if (positions.isEmpty()) {
            return;
        }
        // the first matching source of a reference in the order added wins (spotify, musicbrainz, isrc)
        repository.bySources(providers, externalIds, positions).forEach(m -> ids[m.position()] = m.trackId());
    }

    private static void addSource(
            List<String> providers,
            List<String> externalIds,
            List<Integer> positions,
            int position,
            String provider,
            String externalId) {
        if (externalId != null && !externalId.isBlank()) {
            providers.add(provider);
            externalIds.add(externalId.strip());
            positions.add(position);
        }
    }

    /** Artist + title (and album), compared in their search forms: one statement for all of them. */
    private void byNames(List<TrackReference> references, long[] ids) {
        List<String> artists = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> albums = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            TrackReference r = references.get(i);
            if (ids[i] == 0 && r.trackId() == null && r.artist() != null && r.title() != null) {
                artists.add(r.artist());
                titles.add(r.title());
                albums.add(r.album());
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return;
        }
        repository.byNames(artists, titles, albums, positions).forEach(m -> ids[m.position()] = m.trackId());
    }

    /** Unresolved references by song, in first-seen order; references without names cannot be created. */
    private static Map<SongKey, List<Integer>> missing(List<TrackReference> references, long[] ids) {
        Map<SongKey, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            TrackReference r = references.get(i);
            if (ids[i] == 0 && r.trackId() == null && r.artist() != null && r.title() != null) {
                missing.computeIfAbsent(SongKey.of(r), k -> new ArrayList<>()).add(i);
            }
        }
        return missing;
    }

    /** Serialises creation of the same songs, artists and albums across transactions and servers. */
    private void lock(Map<SongKey, List<Integer>> songs, List<TrackReference> references) {
        Set<String> keys = new HashSet<>();
        songs.forEach((song, positions) -> {
            keys.add("listen-song:" + song.artist() + '\u0001' + song.title());
            keys.add("listen-artist:" + song.artist());
            String album = merged(references, positions).album();
            if (album != null) {
                keys.add("listen-album:" + song.artist() + '\u0001' + CatalogIdentity.searchKey(album));
            }
        });
        repository.lock(keys);
    }

    /**
     * Creates one track per missing song, with its artist and album found or created by the
     * catalog's identity rule for listens (search form); three statements whatever the count.
     */
    private int create(List<TrackReference> references, Map<SongKey, List<Integer>> missing, long[] ids) {
        Instant now = clock.instant();
        List<TrackReference> songs = missing.values().stream()
                .map(positions -> merged(references, positions))
                .toList();
        List<Long> artistIds = identity.artists(
                        songs.stream().map(TrackReference::artist).toList(), Origin.LISTEN, now)
                .ids();
        List<AlbumName> albums = new ArrayList<>(songs.size());
        for (int i = 0; i < songs.size(); i++) {
            albums.add(AlbumName.of(songs.get(i).album(), artistIds.get(i)));
        }
        List<Long> albumIds = identity.albums(albums, Origin.LISTEN, now).ids();
        List<NewTrack> tracks = new ArrayList<>(songs.size());
        for (int i = 0; i < songs.size(); i++) {
            TrackReference s = songs.get(i);
            tracks.add(new NewTrack(
                    s.title(),
                    s.artist(),
                    artistIds.get(i),
                    albumIds.get(i),
                    s.durationMs(),
                    s.spotifyId(),
                    s.recordingMbid(),
                    s.isrc()));
        }
        List<Long> trackIds = repository.insert(tracks, now);
        int song = 0;
        for (List<Integer> positions : missing.values()) {
            long id = trackIds.get(song++);
            positions.forEach(p -> ids[p] = id);
        }
        return trackIds.size();
    }

    /** One description of a song from all references to it: the first non-empty value of each field. */
    private static TrackReference merged(List<TrackReference> references, List<Integer> positions) {
        TrackReference first = references.get(positions.getFirst());
        String album = null;
        Integer duration = null;
        String isrc = null;
        String mbid = null;
        String spotify = null;
        for (int p : positions) {
            TrackReference r = references.get(p);
            album = album != null ? album : blankToNull(r.album());
            duration = duration != null ? duration : r.durationMs();
            isrc = isrc != null ? isrc : blankToNull(r.isrc());
            mbid = mbid != null ? mbid : blankToNull(r.recordingMbid());
            spotify = spotify != null ? spotify : blankToNull(r.spotifyId());
        }
        return new TrackReference(
                null,
                first.artist().strip(),
                first.title().strip(),
                album == null ? null : album.strip(),
                duration,
                isrc,
                mbid,
                spotify);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record SongKey(String artist, String title) {
        static SongKey of(TrackReference r) {
            return new SongKey(CatalogIdentity.searchKey(r.artist()), CatalogIdentity.searchKey(r.title()));
        }
    }
}
