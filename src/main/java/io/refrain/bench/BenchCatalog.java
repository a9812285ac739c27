package io.refrain.bench;

import io.refrain.catalog.BulkCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog as the listen generator samples it: parallel arrays of track id and duration,
 * every track's position in popularity order (the Zipf rank), and per genre the tracks of that
 * genre in popularity order. Arrays, not objects: a million tracks fit in a few tens of MB.
 */
record BenchCatalog(long[] trackIds, int[] durations, int[] genreOf, Map<Integer, int[]> byGenre) {

    /** Typical song length, for tracks without a duration. */
    static final int DEFAULT_DURATION = 210_000;

    static BenchCatalog load(BulkCatalog catalog) {
        // most popular first: index 0 is the global Zipf rank 0
        List<BulkCatalog.TrackSample> rows = catalog.tracksByPopularity();
        int n = rows.size();
        long[] ids = new long[n];
        int[] durations = new int[n];
        int[] genres = new int[n];
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            BulkCatalog.TrackSample row = rows.get(i);
            ids[i] = row.id();
            durations[i] = row.durationMs() > 0 ? row.durationMs() : DEFAULT_DURATION;
            genres[i] = row.genreId();
            if (row.genreId() >= 0) {
                members.computeIfAbsent(row.genreId(), g -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, int[]> byGenre = new HashMap<>();
        members.forEach((genre, list) ->
                byGenre.put(genre, list.stream().mapToInt(Integer::intValue).toArray()));
        return new BenchCatalog(ids, durations, genres, byGenre);
    }

    int size() {
        return trackIds.length;
    }
}
