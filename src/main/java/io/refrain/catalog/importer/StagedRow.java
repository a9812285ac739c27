package io.refrain.catalog.importer;

import io.refrain.catalog.MusicDimensions;
import java.time.LocalDate;

/** One validated row of the catalog file, as written to the staging table. */
record StagedRow(
        long line,
        String trackKey,
        String title,
        String artist,
        Integer popularity,
        String albumKey,
        String albumTitle,
        LocalDate releaseDate,
        String releasePrecision,
        String genre,
        String subgenre,
        Double danceability,
        Double energy,
        Integer key,
        Double loudness,
        Integer mode,
        Double speechiness,
        Double acousticness,
        Double instrumentalness,
        Double liveness,
        Double valence,
        Double tempo,
        Integer durationMs,
        MusicDimensions.Scores music) {

    /** Values in the column order of the staging table. */
    Object[] values() {
        return new Object[] {
            line,
            trackKey,
            title,
            artist,
            popularity,
            albumKey,
            albumTitle,
            releaseDate,
            releasePrecision,
            genre,
            subgenre,
            danceability,
            energy,
            key,
            loudness,
            mode,
            speechiness,
            acousticness,
            instrumentalness,
            liveness,
            valence,
            tempo,
            durationMs,
            music.mellow(),
            music.unpretentious(),
            music.sophisticated(),
            music.intense(),
            music.contemporary(),
            music.tempoNormalized()
        };
    }
}
