package io.refrain.bench.load;

import java.util.Arrays;

/**
 * The requests of the mixed workload, with the weight each has in a listener's visit. The weights
 * follow what a music app does most: open the history, browse the library and playlists, type
 * into search, look at a track or an album, ask for recommendations (from a track they play, or
 * from their own profile) and what is popular now, and report what is playing; a client syncing a
 * backlog (batch) and editing a playlist are rare. The names are the report's and the pgbench
 * scripts' names (`pgbench/<name>.sql`).
 */
public enum Endpoint {
    RECENTLY_PLAYED("recently-played", 18, "GET /api/v1/me/recently-played?limit=20"),
    /** Not drawn on its own: recently-played asked by a sparse user (long gaps) is reported apart. */
    RECENTLY_PLAYED_SPARSE("recently-played-sparse", 0, "GET /api/v1/me/recently-played?limit=20 (sparse users)"),
    LIBRARY_TRACKS("library-tracks", 10, "GET /api/v1/me/tracks?limit=50"),
    PLAYLIST_TRACKS("playlist-tracks", 10, "GET /api/v1/playlists/{id}/tracks?limit=50"),
    SEARCH_SUGGEST("search-suggest", 14, "GET /api/v1/search/suggest?q={3 letters}"),
    SEARCH("search", 6, "GET /api/v1/search?q={word}"),
    STATS_TOP("stats-top", 6, "GET /api/v1/me/stats/top/artists?range=month"),
    TRACK("track", 8, "GET /api/v1/tracks/{id}"),
    ALBUM("album", 4, "GET /api/v1/albums/{id}"),
    ARTIST("artist", 4, "GET /api/v1/artists/{id}"),
    RECOMMENDATIONS("recommendations", 4, "GET /api/v1/recommendations?seed_tracks={id}&limit=20"),
    RECOMMENDATIONS_PROFILE("recommendations-profile", 2, "GET /api/v1/recommendations?profile=me&limit=20"),
    POPULAR_NOW("popular-now", 3, "GET /api/v1/popular/tracks?window=7d&limit=20"),
    LISTEN_SINGLE("listen-single", 16, "POST /api/v1/me/listens (one listen)"),
    LISTEN_BATCH("listen-batch", 1, "POST /api/v1/me/listens (50 listens)"),
    PLAYLIST_EDIT("playlist-edit", 3, "POST /api/v1/playlists/{id}/tracks, later …/tracks/remove (2 requests)");

    private final String id;
    private final int weight;
    private final String request;

    Endpoint(String id, int weight, String request) {
        this.id = id;
        this.weight = weight;
        this.request = request;
    }

    public String id() {
        return id;
    }

    public int weight() {
        return weight;
    }

    public String request() {
        return request;
    }

    /** HTTP requests one pick of this endpoint makes (an edit adds, then removes). */
    public int requests() {
        return this == PLAYLIST_EDIT ? 2 : 1;
    }

    public static Endpoint byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + id + "'; known: "
                        + Arrays.stream(values()).map(Endpoint::id).toList()));
    }

    static int totalWeight() {
        return Arrays.stream(values()).mapToInt(Endpoint::weight).sum();
    }

    /** Expected HTTP requests per pick, weights considered. */
    static double requestsPerPick() {
        return Arrays.stream(values()).mapToDouble(e -> (double) e.weight * e.requests()).sum() / totalWeight();
    }
}
