package io.refrain.library;

/**
 * The per-user lists of catalog entries: saved tracks, saved albums, followed artists, loved tracks. Each is
 * one table keyed by (user_id, entry id) with the time the entry was added, listed newest first.
 */
enum Shelf {
    SAVED_TRACKS("saved_tracks", "track_id", "saved_at", "tracks", "track"),
    SAVED_ALBUMS("saved_albums", "album_id", "saved_at", "albums", "album"),
    FOLLOWED_ARTISTS("followed_artists", "artist_id", "followed_at", "artists", "artist"),
    /** Listed like the others; loving and unloving go through {@code RatingService} (it keeps the library version). */
    LOVED_TRACKS("loved_tracks", "track_id", "loved_at", "tracks", "track");

    final String table;
    final String column;
    final String timeColumn;
    final String catalogTable;
    final String noun;

    Shelf(String table, String column, String timeColumn, String catalogTable, String noun) {
        this.table = table;
        this.column = column;
        this.timeColumn = timeColumn;
        this.catalogTable = catalogTable;
        this.noun = noun;
    }

    /** SQL with {table}, {column}, {time}, {catalog} filled in (all constants of this enum, never input). */
    String sql(String template) {
        return template.replace("{table}", table)
                .replace("{column}", column)
                .replace("{time}", timeColumn)
                .replace("{catalog}", catalogTable);
    }
}
