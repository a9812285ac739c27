package io.refrain.recommend;

import java.util.List;

/**
 * The 14 dimensions of a track's sound that profiles describe, codes carry and the feature
 * neighbours are found by, in the order of the catalog's {@code feature_vector} (V017), each
 * scaled to 0–1 the same way as there: {@code clamp((value − low) / (high − low))}, a missing value
 * 0.5. {@code DimensionScalingIT} holds this class and the migration to the same scale.
 */
enum Dimension {
    DANCEABILITY("danceability", 0, 1),
    ENERGY("energy", 0, 1),
    SPEECHINESS("speechiness", 0, 1),
    ACOUSTICNESS("acousticness", 0, 1),
    INSTRUMENTALNESS("instrumentalness", 0, 1),
    LIVENESS("liveness", 0, 1),
    VALENCE("valence", 0, 1),
    TEMPO("tempo", 0, 250),
    LOUDNESS("loudness", -60, 0),
    MELLOW("mellow", 0, 35),
    UNPRETENTIOUS("unpretentious", 0, 35),
    SOPHISTICATED("sophisticated", 0, 35),
    INTENSE("intense", 0, 35),
    CONTEMPORARY("contemporary", 0, 35);

    static final List<Dimension> ALL = List.of(values());

    /** The column of {@code catalog_audio_features} and the name in the API. */
    final String column;

    final double low;
    final double high;

    Dimension(String column, double low, double high) {
        this.column = column;
        this.low = low;
        this.high = high;
    }

    double scale(Double value) {
        if (value == null) {
            return 0.5;
        }
        return Math.clamp((value - low) / (high - low), 0.0, 1.0);
    }

    double unscale(double scaled) {
        return low + scaled * (high - low);
    }

    boolean isMusicModel() {
        return ordinal() >= MELLOW.ordinal();
    }

    /** How the profile summary names the dimension. */
    String label() {
        return column;
    }
}
