package io.refrain.history.importer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Where each field sits in a Last.fm scrobble CSV. Several export tools exist, each with its own
 * header, so columns are found by (case-insensitive) alias; one tool (lastfm-to-csv style, e.g.
 * pingw33n) writes no header at all: {@code artist,album,track,date}. -1 = column absent.
 */
record LastFmColumns(
        boolean hasHeader,
        int artist,
        int album,
        int track,
        int epochSeconds,
        int time,
        int artistMbid,
        int albumMbid,
        int trackMbid) {

    static final LastFmColumns HEADERLESS = new LastFmColumns(false, 0, 1, 2, -1, 3, -1, -1, -1);

    private static final Set<String> ARTIST = Set.of("artist", "artist_name", "artistname");
    private static final Set<String> ALBUM = Set.of("album", "album_name", "albumname", "release", "release_name");
    private static final Set<String> TRACK = Set.of("track", "track_name", "trackname", "title", "song", "name");
    private static final Set<String> EPOCH = Set.of("uts", "timestamp", "date_uts", "unix_timestamp");
    private static final Set<String> TIME =
            Set.of("utc_time", "datetime", "date", "time", "played_at", "scrobble_time");
    private static final Set<String> ARTIST_MBID = Set.of("artist_mbid");
    private static final Set<String> ALBUM_MBID = Set.of("album_mbid", "release_mbid");
    private static final Set<String> TRACK_MBID = Set.of("track_mbid", "recording_mbid");

    /**
     * The layout given the file's first record: a header when it names an artist, a track and a time
     * column; headerless when it has 4 fields and no known names; null when neither (not Last.fm).
     */
    static LastFmColumns fromFirstRecord(CSVRecord first) {
        List<String> names = first.stream().map(LastFmColumns::normalise).toList();
        int artist = find(names, ARTIST);
        int track = find(names, TRACK);
        int epoch = find(names, EPOCH);
        int time = find(names, TIME);
        if (artist >= 0 && track >= 0 && (epoch >= 0 || time >= 0)) {
            return new LastFmColumns(
                    true,
                    artist,
                    find(names, ALBUM),
                    track,
                    epoch,
                    time,
                    find(names, ARTIST_MBID),
                    find(names, ALBUM_MBID),
                    find(names, TRACK_MBID));
        }
        boolean anyKnown = names.stream()
                .anyMatch(n -> ARTIST.contains(n)
                        || TRACK.contains(n)
                        || EPOCH.contains(n)
                        || TIME.contains(n)
                        || ALBUM.contains(n));
        return first.size() == 4 && !anyKnown ? HEADERLESS : null;
    }

    /** Fields a data record must have for every mapped column to exist. */
    int requiredFields() {
        return 1
                + Math.max(
                        Math.max(Math.max(artist, album), Math.max(track, epochSeconds)),
                        Math.max(Math.max(time, artistMbid), Math.max(albumMbid, trackMbid)));
    }

    private static String normalise(String header) {
        return header.strip()
                .toLowerCase(Locale.ROOT)
                .replace(' ', '_')
                .replace('.', '_')
                .replace('-', '_');
    }

    private static int find(List<String> names, Set<String> aliases) {
        for (int i = 0; i < names.size(); i++) {
            if (aliases.contains(names.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
