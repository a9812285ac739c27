package io.refrain.playlists.smart;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields rules may test, by their {@code .nsp} names (matched regardless of case, as
 * Navidrome does). Only the value kind lives here; where each field is stored is the
 * translator's business ({@link RuleTranslator}).
 */
public enum SmartField {
    // the track
    TITLE("title", Kind.TEXT),
    ALBUM("album", Kind.TEXT),
    ARTIST("artist", Kind.TEXTS),
    ALBUMARTIST("albumartist", Kind.TEXTS),
    GENRE("genre", Kind.TEXTS),
    ISRC("isrc", Kind.TEXTS),
    YEAR("year", Kind.NUMBER),
    RELEASEDATE("releasedate", Kind.DATE),
    DURATION("duration", Kind.NUMBER),
    TRACKNUMBER("tracknumber", Kind.NUMBER),
    DISCNUMBER("discnumber", Kind.NUMBER),
    EXPLICIT("explicit", Kind.BOOLEAN),
    DATEADDED("dateadded", Kind.DATE),
    POPULARITY("popularity", Kind.NUMBER),
    // the owner's own data
    SAVED("saved", Kind.BOOLEAN),
    DATESAVED("datesaved", Kind.DATE),
    LOVED("loved", Kind.BOOLEAN),
    DATELOVED("dateloved", Kind.DATE),
    RATING("rating", Kind.NUMBER),
    DATERATED("daterated", Kind.DATE),
    TAG("tag", Kind.TEXTS),
    PLAYCOUNT("playcount", Kind.NUMBER),
    SKIPCOUNT("skipcount", Kind.NUMBER),
    LASTPLAYED("lastplayed", Kind.DATE),
    FIRSTPLAYED("firstplayed", Kind.DATE),
    // album and artist aggregates (an artist's are those of the track's first credited artist)
    ALBUMRATING("albumrating", Kind.NUMBER),
    ALBUMPLAYCOUNT("albumplaycount", Kind.NUMBER),
    ALBUMLASTPLAYED("albumlastplayed", Kind.DATE),
    ARTISTRATING("artistrating", Kind.NUMBER),
    ARTISTPLAYCOUNT("artistplaycount", Kind.NUMBER),
    ARTISTLASTPLAYED("artistlastplayed", Kind.DATE),
    // audio features
    ENERGY("energy", Kind.NUMBER),
    VALENCE("valence", Kind.NUMBER),
    DANCEABILITY("danceability", Kind.NUMBER),
    TEMPO("tempo", Kind.NUMBER),
    ACOUSTICNESS("acousticness", Kind.NUMBER),
    INSTRUMENTALNESS("instrumentalness", Kind.NUMBER),
    SPEECHINESS("speechiness", Kind.NUMBER),
    LIVENESS("liveness", Kind.NUMBER),
    LOUDNESS("loudness", Kind.NUMBER),
    KEY("key", Kind.NUMBER),
    MODE("mode", Kind.NUMBER),
    MELLOW("mellow", Kind.NUMBER),
    UNPRETENTIOUS("unpretentious", Kind.NUMBER),
    SOPHISTICATED("sophisticated", Kind.NUMBER),
    INTENSE("intense", Kind.NUMBER),
    CONTEMPORARY("contemporary", Kind.NUMBER),
    // the pseudo-field of inPlaylist / notInPlaylist: {"inPlaylist": {"id": "<playlist id>"}}
    PLAYLIST("id", Kind.PLAYLIST),
    // the pseudo-field of sort only
    RANDOM("random", Kind.RANDOM);

    /** TEXTS: several values per track (a condition holds when any value matches; negations when none does). */
    public enum Kind {
        TEXT,
        TEXTS,
        NUMBER,
        DATE,
        BOOLEAN,
        PLAYLIST,
        RANDOM
    }

    /** Other names .nsp files use for the same thing. */
    private static final Map<String, SmartField> ALIASES = Map.of(
            "date",
            RELEASEDATE,
            "recordingdate",
            RELEASEDATE,
            "releaseyear",
            YEAR,
            "originalyear",
            YEAR,
            "originaldate",
            RELEASEDATE);

    private static final Map<String, SmartField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(SmartField::jsonName, Function.identity()));

    private final String jsonName;
    private final Kind kind;

    SmartField(String jsonName, Kind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean sortable() {
        return kind != Kind.TEXTS && kind != Kind.PLAYLIST;
    }

    /** The field of a name, any case, or null. */
    public static SmartField of(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "");
        SmartField field = BY_NAME.get(key);
        return field != null ? field : ALIASES.get(key);
    }
}
