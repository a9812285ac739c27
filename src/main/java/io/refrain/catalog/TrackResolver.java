package io.refrain.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns what a listen says about its song into catalog ids, a whole batch at a time: catalog
 * ids are checked, then external ids (ISRC, MusicBrainz recording, Spotify) are looked up,
 * then artist + title by their normalised forms (accents, case and punctuation do not matter;
 * a track credited to the artist among others counts; a track on the named album wins). Songs
 * the catalog lacks become new entries (origin {@code listen}) so no listen is ever lost.
 *
 * <p>A fixed number of statements per batch whatever its size. Runs in the caller's
 * transaction; creation takes transaction-scoped advisory locks on the song, artist and album
 * keys (in one sorted order, so concurrent batches never deadlock on them) and looks again
 * before creating, so concurrent batches naming the same new song make one track.
 */
@Service
public class TrackResolver {

    private final JdbcClient jdbc;
    private final Clock clock;

    TrackResolver(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        Set<Long> known = new HashSet<>(jdbc.sql("select id from tracks where id = any(:ids)")
                .param("ids", wanted.toArray(Long[]::new)).query(Long.class).list());
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
        jdbc.sql("""
                        select distinct on (u.pos) u.pos, s.track_id
                        from unnest(:providers::text[], :ids::text[], :positions::int[]) with ordinality as u(provider, external_id, pos, ord)
                        join track_sources s on s.provider = u.provider and s.external_id = u.external_id
                        order by u.pos, u.ord""")
                .param("providers", providers.toArray(String[]::new))
                .param("ids", externalIds.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .query((rs, n) -> ids[rs.getInt(1)] = rs.getLong(2)).list();
    }

    private static void addSource(List<String> providers, List<String> externalIds, List<Integer> positions,
                                  int position, String provider, String externalId) {
        if (externalId != null && !externalId.isBlank()) {
            providers.add(provider);
            externalIds.add(externalId.strip());
            positions.add(position);
        }
    }

    /**
     * Artist + title: the track whose normalised title is the one given and whose normalised
     * artist names are the artist given, or that credits an artist of that normalised name;
     * among several, the one on the named album, then the most popular. Both ways are index
     * lookups by equality (a common title like "Intro" never means scanning its namesakes).
     */
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
        jdbc.sql("""
                        with wanted as (
                            select pos, refrain_search_normalize(artist) as artist_key, refrain_search_normalize(title) as title_key,
                                   refrain_search_normalize(album) as album_key
                            from unnest(:artists::text[], :titles::text[], :albums::text[], :positions::int[]) as u(artist, title, album, pos)),
                        -- materialised so the planner goes from the artist to its tracks, never from a
                        -- common title ("Intro", 190 namesakes) to every namesake's credits
                        artist_tracks as materialized (
                            select w.pos, w.title_key, ta.track_id from wanted w
                            join artists a on a.search_text = w.artist_key
                            join track_artists ta on ta.artist_id = a.id),
                        candidates as (
                            select w.pos, t.id, true as all_names from wanted w
                            join tracks t on t.title_search = w.title_key and t.artists_search = w.artist_key
                            union all
                            select x.pos, x.track_id, false from artist_tracks x
                            join tracks t on t.id = x.track_id and t.title_search = x.title_key)
                        select distinct on (c.pos) c.pos, c.id
                        from candidates c join wanted w on w.pos = c.pos
                        join tracks t on t.id = c.id left join albums al on al.id = t.album_id
                        order by c.pos, c.all_names desc, (al.search_text = w.album_key) desc nulls last,
                                 t.popularity desc nulls last, t.id""")
                .param("artists", artists.toArray(String[]::new))
                .param("titles", titles.toArray(String[]::new))
                .param("albums", albums.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .query((rs, n) -> ids[rs.getInt(1)] = rs.getLong(2)).list();
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
                keys.add("listen-album:" + song.artist() + '\u0001' + normalizedKey(album));
            }
        });
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(h))
                        from (select distinct hashtextextended(k, 0) as h from unnest(:keys::text[]) k order by 1) locks""")
                .param("keys", keys.toArray(String[]::new)).query().singleValue();
    }

    /**
     * Creates one track per missing song, with its artist and album (existing ones reused by
     * normalised name), and the song's external ids; three statements whatever the count.
     */
    private int create(List<TrackReference> references, Map<SongKey, List<Integer>> missing, long[] ids) {
        Timestamp now = Timestamp.from(clock.instant());
        List<TrackReference> songs = missing.values().stream().map(positions -> merged(references, positions)).toList();
        String[] artistNames = songs.stream().map(TrackReference::artist).toArray(String[]::new);
        String[] albumTitles = songs.stream().map(TrackReference::album).toArray(String[]::new);

        Long[] songArtistIds = jdbc.sql("""
                        with input as (select name, ord, refrain_search_normalize(name) as key
                                       from unnest(:names::text[]) with ordinality as u(name, ord)),
                             wanted as (select distinct on (key) key, name from input order by key, ord),
                             found as (select distinct on (a.search_text) a.search_text as key, a.id from artists a
                                       where a.search_text in (select key from wanted)
                                       order by a.search_text, a.popularity desc nulls last, a.id),
                             created as (insert into artists (name, origin, created_at, updated_at)
                                         select w.name, 'listen', :now, :now from wanted w
                                         where not exists (select 1 from found f where f.key = w.key)
                                         returning search_text as key, id)
                        select coalesce(f.id, c.id) from input i
                        left join found f on f.key = i.key left join created c on c.key = i.key
                        order by i.ord""")
                .param("names", artistNames).param("now", now)
                .query(Long.class).list().toArray(Long[]::new);

        Long[] songAlbumIds = jdbc.sql("""
                        with input as (select title, artist_id, ord, refrain_search_normalize(title) as key
                                       from unnest(:titles::text[], :artists::bigint[]) with ordinality as u(title, artist_id, ord)),
                             wanted as (select distinct on (key, artist_id) key, artist_id, title from input
                                        where title is not null order by key, artist_id, ord),
                             found as (select distinct on (w.key, w.artist_id) w.key, w.artist_id, al.id
                                       from wanted w join albums al on al.search_text = w.key
                                       join album_artists aa on aa.album_id = al.id and aa.position = 0 and aa.artist_id = w.artist_id
                                       order by w.key, w.artist_id, al.popularity desc nulls last, al.id),
                             to_create as (select w.*, nextval(pg_get_serial_sequence('albums', 'id')) as id from wanted w
                                           where not exists (select 1 from found f where f.key = w.key and f.artist_id = w.artist_id)),
                             created as (insert into albums (id, title, origin, created_at, updated_at)
                                         select id, title, 'listen', :now, :now from to_create),
                             credits as (insert into album_artists (album_id, position, artist_id)
                                         select id, 0, artist_id from to_create)
                        select coalesce(f.id, c.id) from input i
                        left join found f on f.key = i.key and f.artist_id = i.artist_id
                        left join to_create c on c.key = i.key and c.artist_id = i.artist_id
                        order by i.ord""")
                .param("titles", albumTitles).param("artists", songArtistIds).param("now", now)
                .query(Long.class).list().toArray(Long[]::new);

        List<Long> trackIds = jdbc.sql("""
                        with input as (select u.*, nextval(pg_get_serial_sequence('tracks', 'id')) as id
                                       from unnest(:titles::text[], :artistNames::text[], :artistIds::bigint[], :albumIds::bigint[],
                                                   :durations::int[], :spotify::text[], :mbids::text[], :isrcs::text[])
                                            with ordinality as u(title, artist_name, artist_id, album_id, duration_ms, spotify, mbid, isrc, ord)),
                             created as (insert into tracks (id, title, album_id, duration_ms, artist_names, origin, created_at, updated_at)
                                         select id, title, album_id, duration_ms, artist_name, 'listen', :now, :now from input),
                             credits as (insert into track_artists (track_id, position, artist_id, role)
                                         select id, 0, artist_id, 'main' from input),
                             sources as (insert into track_sources (provider, external_id, track_id)
                                         select s.provider, s.external_id, i.id from input i
                                         cross join lateral (values ('spotify', i.spotify), ('musicbrainz', i.mbid), ('isrc', i.isrc))
                                                    as s(provider, external_id)
                                         where s.external_id is not null
                                         on conflict (provider, external_id) do nothing)
                        select id from input order by ord""")
                .param("titles", songs.stream().map(TrackReference::title).toArray(String[]::new))
                .param("artistNames", artistNames).param("artistIds", songArtistIds).param("albumIds", songAlbumIds)
                .param("durations", songs.stream().map(TrackReference::durationMs).toArray(Integer[]::new))
                .param("spotify", songs.stream().map(s -> blankToNull(s.spotifyId())).toArray(String[]::new))
                .param("mbids", songs.stream().map(s -> blankToNull(s.recordingMbid())).toArray(String[]::new))
                .param("isrcs", songs.stream().map(s -> blankToNull(s.isrc())).toArray(String[]::new))
                .param("now", now)
                .query(Long.class).list();
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
        return new TrackReference(null, first.artist().strip(), first.title().strip(), album == null ? null : album.strip(),
                duration, isrc, mbid, spotify);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Groups the songs of a batch and names the advisory locks. It approximates the database's
     * refrain_search_normalize (case, accents, punctuation, spaces); the database still decides
     * what matches, this only has to agree with itself.
     */
    static String normalizedKey(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return WHITESPACE.matcher(NOT_WORD.matcher(decomposed).replaceAll("")).replaceAll(" ").strip();
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private record SongKey(String artist, String title) {
        static SongKey of(TrackReference r) {
            return new SongKey(normalizedKey(r.artist()), normalizedKey(r.title()));
        }
    }
}
