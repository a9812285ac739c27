package io.refrain.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(
        description =
                "Spotify-style audio features (0–1 unless noted) and MUSIC-model dimensions (0–35), "
                        + "with where they came from. MUSIC dimensions are derived by mapping version `analysisVersion` (see docs/user-guide.md, section Catalog).")
record AudioFeaturesView(
        Double danceability,
        Double energy,

        @Schema(description = "pitch class 0–11, -1 when unknown")
        Integer key,

        @Schema(description = "dB, about -60–0") Double loudness,
        @Schema(description = "1 major, 0 minor") Integer mode,
        Double speechiness,
        Double acousticness,
        Double instrumentalness,
        Double liveness,
        Double valence,
        @Schema(description = "beats per minute") Double tempo,
        Integer timeSignature,
        Integer durationMs,
        String featuresSource,
        Double featuresConfidence,
        Double mellow,
        Double unpretentious,
        Double sophisticated,
        Double intense,
        Double contemporary,
        @Schema(description = "tempo on the 0–35 scale") Double tempoNormalized,
        String musicSource,
        Double musicConfidence,
        Integer analysisVersion) {}
