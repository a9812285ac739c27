package io.refrain.playlists.smart;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each field lives: the one table from rule fields to SQL. A single-valued field is an
 * expression over the track row {@code t} and the joins it names; a multi-valued field is an
 * {@code exists} over its join table with {@code %s} standing for the test of {@code value}.
 * {@code :user} is the playlist owner. Everything here is fixed text; values are always bound.
 * Other modules' data is read only through their published read views: {@code catalog_*} (V014),
 * {@code library_*} and {@code history_*} (V015).
 */
final class RuleColumns {

    /** Joins added to the statement only when a used field needs them (all on primary keys). */
    enum Join {
        ALBUM("left join catalog_albums al on al.id = t.album_id"),
        FEATURES("left join catalog_audio_features af on af.track_id = t.id"),
        STATS("left join history_track_stats ls on ls.user_id = :user and ls.track_id = t.id"),
        RATING("left join library_track_ratings tr on tr.user_id = :user and tr.track_id = t.id"),
        SAVED("left join library_saved_tracks st on st.user_id = :user and st.track_id = t.id"),
        LOVED("left join library_loved_tracks lt on lt.user_id = :user and lt.track_id = t.id");

        final String sql;

        Join(String sql) {
            this.sql = sql;
        }
    }

    /** The track's first credited artist: the unit of artist aggregates and of the variety options. Always joined. */
    static final String PRIMARY_ARTIST =
            "left join lateral (select ta.artist_id from catalog_track_artists ta where ta.track_id = t.id "
                    + "order by ta.position limit 1) pa on true";

    /** @param timestamp a timestamptz (compared by UTC day), else a date or a non-date */
    record Single(String expr, Set<Join> joins, boolean timestamp) {}

    /**
     * @param exists   {@code exists (select 1 from … where … and %s)}; {@code value} is the column tested
     * @param idExists for sets of names (collapsed is/isNot): the same join tested against ids ({@code %s} an id array),
     *                 so the names are resolved once per statement instead of once per track (null: no such form)
     * @param ids      the query resolving names to those ids, {@code %s} the test of {@code value}
     */
    record Multi(String exists, String value, String idExists, String ids) {}

    private static final Map<SmartField, Single> SINGLE = new EnumMap<>(SmartField.class);
    private static final Map<SmartField, Multi> MULTI = new EnumMap<>(SmartField.class);

    static {
        single(SmartField.TITLE, "t.title");
        single(SmartField.ALBUM, "al.title", Join.ALBUM);
        single(SmartField.YEAR, "extract(year from al.release_date)::int", Join.ALBUM);
        single(SmartField.RELEASEDATE, "al.release_date", Join.ALBUM);
        single(SmartField.DURATION, "(t.duration_ms / 1000.0)"); // seconds, as in .nsp
        single(SmartField.TRACKNUMBER, "t.track_number");
        single(SmartField.DISCNUMBER, "t.disc_number");
        single(SmartField.EXPLICIT, "t.explicit");
        timestamp(SmartField.DATEADDED, "t.created_at");
        single(SmartField.POPULARITY, "t.popularity");
        single(SmartField.SAVED, "(st.track_id is not null)", Join.SAVED);
        timestamp(SmartField.DATESAVED, "st.saved_at", Join.SAVED);
        single(SmartField.LOVED, "(lt.track_id is not null)", Join.LOVED);
        timestamp(SmartField.DATELOVED, "lt.loved_at", Join.LOVED);
        single(SmartField.RATING, "coalesce(tr.rating, 0)", Join.RATING); // unrated counts as 0, as in .nsp
        timestamp(SmartField.DATERATED, "tr.rated_at", Join.RATING);
        single(SmartField.PLAYCOUNT, "coalesce(ls.plays, 0)", Join.STATS);
        single(SmartField.SKIPCOUNT, "coalesce(ls.skips, 0)", Join.STATS);
        timestamp(SmartField.LASTPLAYED, "ls.last_played_at", Join.STATS);
        timestamp(SmartField.FIRSTPLAYED, "ls.first_played_at", Join.STATS);
        single(
                SmartField.ALBUMRATING,
                "coalesce((select r.rating from library_album_ratings r where r.user_id = :user and r.album_id = t.album_id), 0)");
        single(
                SmartField.ALBUMPLAYCOUNT,
                "coalesce((select s.plays from history_album_stats s where s.user_id = :user and s.album_id = t.album_id), 0)");
        timestamp(
                SmartField.ALBUMLASTPLAYED,
                "(select s.last_played_at from history_album_stats s where s.user_id = :user and s.album_id = t.album_id)");
        single(
                SmartField.ARTISTRATING,
                "coalesce((select r.rating from library_artist_ratings r where r.user_id = :user and r.artist_id = pa.artist_id), 0)");
        single(
                SmartField.ARTISTPLAYCOUNT,
                "coalesce((select s.plays from history_artist_stats s where s.user_id = :user and s.artist_id = pa.artist_id), 0)");
        timestamp(
                SmartField.ARTISTLASTPLAYED,
                "(select s.last_played_at from history_artist_stats s where s.user_id = :user and s.artist_id = pa.artist_id)");
        for (SmartField feature : EnumSet.range(SmartField.ENERGY, SmartField.CONTEMPORARY)) {
            single(feature, "af." + feature.jsonName(), Join.FEATURES);
        }
        MULTI.put(
                SmartField.ARTIST,
                new Multi(
                        "exists (select 1 from catalog_track_artists ta join catalog_artists a on a.id = ta.artist_id "
                                + "where ta.track_id = t.id and %s)",
                        "a.name",
                        "exists (select 1 from catalog_track_artists ta where ta.track_id = t.id and ta.artist_id = any(%s))",
                        "select a.id from catalog_artists a where %s"));
        MULTI.put(
                SmartField.ALBUMARTIST,
                new Multi(
                        "exists (select 1 from catalog_album_artists aa join catalog_artists a on a.id = aa.artist_id "
                                + "where aa.album_id = t.album_id and %s)",
                        "a.name",
                        "exists (select 1 from catalog_album_artists aa where aa.album_id = t.album_id and aa.artist_id = any(%s))",
                        "select a.id from catalog_artists a where %s"));
        MULTI.put(
                SmartField.GENRE,
                new Multi(
                        "exists (select 1 from catalog_track_genres tg join catalog_genres g on g.id = tg.genre_id "
                                + "where tg.track_id = t.id and %s)",
                        "g.name",
                        "exists (select 1 from catalog_track_genres tg where tg.track_id = t.id and tg.genre_id = any(%s))",
                        "select g.id from catalog_genres g where %s"));
        MULTI.put(
                SmartField.TAG,
                new Multi(
                        "exists (select 1 from library_tagged_tracks tt join library_tags tag on tag.user_id = tt.user_id "
                                + "and tag.id = tt.tag_id where tt.user_id = :user and tt.track_id = t.id and %s)",
                        "tag.name",
                        "exists (select 1 from library_tagged_tracks tt where tt.user_id = :user and tt.track_id = t.id and tt.tag_id = any(%s))",
                        "select tag.id from library_tags tag where tag.user_id = :user and %s"));
        MULTI.put(
                SmartField.ISRC,
                new Multi(
                        "exists (select 1 from catalog_track_sources src where src.track_id = t.id "
                                + "and src.provider = 'isrc' and %s)",
                        "src.external_id", null, null));
    }

    private RuleColumns() {}

    private static void single(SmartField field, String expr, Join... joins) {
        SINGLE.put(field, new Single(expr, joins.length == 0 ? Set.of() : EnumSet.of(joins[0], joins), false));
    }

    private static void timestamp(SmartField field, String expr, Join... joins) {
        SINGLE.put(field, new Single(expr, joins.length == 0 ? Set.of() : EnumSet.of(joins[0], joins), true));
    }

    static Single single(SmartField field) {
        Single column = SINGLE.get(field);
        if (column == null) {
            throw new IllegalArgumentException("not a single-valued field: " + field);
        }
        return column;
    }

    static Multi multi(SmartField field) {
        Multi column = MULTI.get(field);
        if (column == null) {
            throw new IllegalArgumentException("not a multi-valued field: " + field);
        }
        return column;
    }
}
