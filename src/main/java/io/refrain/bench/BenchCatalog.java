package io.refrain.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog as the listen generator samples it: parallel arrays of track id and duration,
 * every track's position in popularity order (the Zipf rank), and per genre the tracks of that
 * genre in popularity order. Arrays, not objects: a million tracks fit in a few tens of MB.
 */
record BenchCatalog(long[] trackIds, int[] durations, int[] genreOf, Map<Integer, int[]> byGenre) {

    /** Typical song length, for tracks without a duration. */
    static final int DEFAULT_DURATION = 210_000;

    static BenchCatalog load(JdbcClient jdbc) {
        List<long[]> rows = new ArrayList<>();
        // most popular first: index 0 is the global Zipf rank 0
        jdbc.sql("""
                select t.id, coalesce(t.duration_ms, 0), coalesce(g.genre_id, -1)
                from tracks t left join (select track_id, min(genre_id) as genre_id from track_genres group by track_id) g
                     on g.track_id = t.id
                order by t.popularity desc nulls last, t.id""")
                .query(rs -> {
                    rows.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)});
                });
        int n = rows.size();
        long[] ids = new long[n];
        int[] durations = new int[n];
        int[] genres = new int[n];
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long[] row = rows.get(i);
            ids[i] = row[0];
            durations[i] = row[1] > 0 ? (int) row[1] : DEFAULT_DURATION;
            genres[i] = (int) row[2];
            if (row[2] >= 0) {
                members.computeIfAbsent((int) row[2], g -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, int[]> byGenre = new HashMap<>();
        members.forEach((genre, list) -> byGenre.put(genre, list.stream().mapToInt(Integer::intValue).toArray()));
        return new BenchCatalog(ids, durations, genres, byGenre);
    }

    int size() {
        return trackIds.length;
    }
}
