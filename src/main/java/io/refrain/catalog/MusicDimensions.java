package io.refrain.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Derives the MUSIC-model dimensions (Rentfrow et al.: Mellow, Unpretentious, Sophisticated,
 * Intense, Contemporary), each on 0–35, and tempo normalised to 0–35, from Spotify-style audio
 * features and genre names. Mapping version {@value #VERSION}:
 *
 * <pre>
 * mellow        = 0.40·(1−energy) + 0.30·acousticness + 0.15·instrumentalness + 0.15·(1−danceability)
 * unpretentious = 0.35·acousticness + 0.25·valence + 0.20·(1−speechiness) + 0.20·(1−instrumentalness)
 * sophisticated = 0.35·instrumentalness + 0.25·acousticness + 0.20·(1−danceability) + 0.20·(1−speechiness)
 * intense       = 0.45·energy + 0.25·loud + 0.15·(1−acousticness) + 0.15·(1−valence)
 * contemporary  = 0.35·danceability + 0.25·speechiness + 0.20·energy + 0.20·valence
 * dimension     = 35 · clamp(0.85·feature score + 0.15·genre match)
 * tempo         = 35 · clamp((bpm − 40) / 180)
 * </pre>
 * where loud = clamp((loudness + 30) / 30) and genre match is 1 when one of the track's genres
 * belongs to the dimension's genre family (below), else 0. Missing features count as 0.5.
 * A heuristic, not a trained model: its confidence is reported as {@value #CONFIDENCE}.
 */
public final class MusicDimensions {

    public static final int VERSION = 1;
    public static final String SOURCE = "derived-v1";
    public static final double CONFIDENCE = 0.6;

    private static final Set<String> MELLOW = Set.of(
            "r&b", "soul", "jazz", "ambient", "chill", "lo-fi", "neo soul", "quiet storm", "soft rock", "acoustic");
    private static final Set<String> UNPRETENTIOUS = Set.of(
            "country",
            "folk",
            "singer-songwriter",
            "classic rock",
            "album rock",
            "permanent wave",
            "blues",
            "americana");
    private static final Set<String> SOPHISTICATED =
            Set.of("classical", "jazz", "blues", "world", "opera", "instrumental", "soundtrack", "big room");
    private static final Set<String> INTENSE = Set.of(
            "rock",
            "metal",
            "hard rock",
            "punk",
            "heavy metal",
            "progressive electro house",
            "electro house",
            "trap",
            "gangster rap");
    private static final Set<String> CONTEMPORARY = Set.of(
            "rap",
            "pop",
            "r&b",
            "edm",
            "latin",
            "hip hop",
            "dance pop",
            "urban contemporary",
            "reggaeton",
            "latin pop",
            "electropop",
            "post-teen pop",
            "tropical");

    /** Input features; any may be null. */
    public record Features(
            Double danceability,
            Double energy,
            Double loudness,
            Double speechiness,
            Double acousticness,
            Double instrumentalness,
            Double valence,
            Double tempo) {}

    public record Scores(
            double mellow,
            double unpretentious,
            double sophisticated,
            double intense,
            double contemporary,
            Double tempoNormalized) {}

    private MusicDimensions() {}

    public static Scores derive(Features f, Collection<String> genres) {
        double dance = or(f.danceability()), energy = or(f.energy()), speech = or(f.speechiness());
        double acoustic = or(f.acousticness()), instrumental = or(f.instrumentalness()), valence = or(f.valence());
        double loud = f.loudness() == null ? 0.5 : clamp((f.loudness() + 30) / 30);
        Set<String> g =
                genres.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        return new Scores(
                scale(0.40 * (1 - energy) + 0.30 * acoustic + 0.15 * instrumental + 0.15 * (1 - dance), g, MELLOW),
                scale(
                        0.35 * acoustic + 0.25 * valence + 0.20 * (1 - speech) + 0.20 * (1 - instrumental),
                        g,
                        UNPRETENTIOUS),
                scale(
                        0.35 * instrumental + 0.25 * acoustic + 0.20 * (1 - dance) + 0.20 * (1 - speech),
                        g,
                        SOPHISTICATED),
                scale(0.45 * energy + 0.25 * loud + 0.15 * (1 - acoustic) + 0.15 * (1 - valence), g, INTENSE),
                scale(0.35 * dance + 0.25 * speech + 0.20 * energy + 0.20 * valence, g, CONTEMPORARY),
                f.tempo() == null ? null : round(35 * clamp((f.tempo() - 40) / 180)));
    }

    private static double scale(double featureScore, Set<String> genres, Set<String> family) {
        boolean match = genres.stream().anyMatch(family::contains);
        return round(35 * clamp(0.85 * clamp(featureScore) + 0.15 * (match ? 1 : 0)));
    }

    private static double or(Double value) {
        return value == null ? 0.5 : clamp(value);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
