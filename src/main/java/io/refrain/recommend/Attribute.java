package io.refrain.recommend;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tunable attribute of {@code GET /api/v1/recommendations}: Spotify's 14 ({@code min_},
 * {@code max_} and {@code target_} of each) and the five MUSIC dimensions, with the SQL that reads it
 * ({@code t} = catalog_tracks, {@code f} = catalog_audio_features), its range, and the
 * {@link Dimension} it targets (null for those outside the sound vector).
 */
enum Attribute {
    ACOUSTICNESS("acousticness", "f.acousticness", 0, 1, false, Dimension.ACOUSTICNESS),
    DANCEABILITY("danceability", "f.danceability", 0, 1, false, Dimension.DANCEABILITY),
    DURATION_MS("duration_ms", "coalesce(t.duration_ms, f.duration_ms)", 0, 86_400_000, true, null),
    ENERGY("energy", "f.energy", 0, 1, false, Dimension.ENERGY),
    INSTRUMENTALNESS("instrumentalness", "f.instrumentalness", 0, 1, false, Dimension.INSTRUMENTALNESS),
    KEY("key", "f.key", -1, 11, true, null),
    LIVENESS("liveness", "f.liveness", 0, 1, false, Dimension.LIVENESS),
    LOUDNESS("loudness", "f.loudness", -60, 10, false, Dimension.LOUDNESS),
    MODE("mode", "f.mode", 0, 1, true, null),
    POPULARITY("popularity", "t.popularity", 0, 100, true, null),
    SPEECHINESS("speechiness", "f.speechiness", 0, 1, false, Dimension.SPEECHINESS),
    TEMPO("tempo", "f.tempo", 0, 300, false, Dimension.TEMPO),
    TIME_SIGNATURE("time_signature", "f.time_signature", 1, 12, true, null),
    VALENCE("valence", "f.valence", 0, 1, false, Dimension.VALENCE),
    MELLOW("mellow", "f.mellow", 0, 35, false, Dimension.MELLOW),
    UNPRETENTIOUS("unpretentious", "f.unpretentious", 0, 35, false, Dimension.UNPRETENTIOUS),
    SOPHISTICATED("sophisticated", "f.sophisticated", 0, 35, false, Dimension.SOPHISTICATED),
    INTENSE("intense", "f.intense", 0, 35, false, Dimension.INTENSE),
    CONTEMPORARY("contemporary", "f.contemporary", 0, 35, false, Dimension.CONTEMPORARY);

    private static final Map<String, Attribute> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(a -> a.name, Function.identity()));

    final String name;
    final String sql;
    final double low;
    final double high;
    final boolean integer;
    final Dimension dimension;

    Attribute(String name, String sql, double low, double high, boolean integer, Dimension dimension) {
        this.name = name;
        this.sql = sql;
        this.low = low;
        this.high = high;
        this.integer = integer;
        this.dimension = dimension;
    }

    static Optional<Attribute> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A value on this attribute's own scale as a 0–1 position in its range. */
    double unit(double value) {
        return Math.clamp((value - low) / (high - low), 0.0, 1.0);
    }

    /** Bounds and target asked for one attribute; any may be null. */
    record Constraint(Double min, Double max, Double target) {}
}
