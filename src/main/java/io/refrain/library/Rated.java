package io.refrain.library;

/** What can be rated: tracks, albums and artists, each in its own table keyed by (user_id, entry id). */
enum Rated {
    TRACKS("track_ratings", "track_id", "tracks", "track"),
    ALBUMS("album_ratings", "album_id", "albums", "album"),
    ARTISTS("artist_ratings", "artist_id", "artists", "artist");

    final String table;
    final String column;
    final String catalogTable;
    final String noun;

    Rated(String table, String column, String catalogTable, String noun) {
        this.table = table;
        this.column = column;
        this.catalogTable = catalogTable;
        this.noun = noun;
    }

    /** SQL with {table}, {column}, {catalog} filled in (constants of this enum, never input). */
    String sql(String template) {
        return template.replace("{table}", table).replace("{column}", column).replace("{catalog}", catalogTable);
    }

    /** The kind named in a path: tracks, albums or artists; null for anything else. */
    static Rated fromPath(String name) {
        for (Rated kind : values()) {
            if (kind.catalogTable.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
