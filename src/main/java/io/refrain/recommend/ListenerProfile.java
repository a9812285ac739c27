package io.refrain.recommend;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A listener's profile as computed (and stored as JSON in {@code listener_profiles.profile}).
 * Means and spreads are in each dimension's own units (tempo in BPM, loudness in dB, MUSIC
 * dimensions 0–35); {@link #targets()} turns them into the 0–1 targets recommendations use.
 *
 * @param listens listens the profile was computed from
 * @param tracks tracks with a positive weight (played more than skipped, kept, loved or rated well)
 * @param sound per dimension (its column name): weighted mean and standard deviation, null without features
 * @param tempo tempo range of the middle 80 % of the weight, BPM
 * @param energy energy range likewise
 * @param genres familiar genres, share of the weight, largest first (at most 10)
 * @param artists familiar artists (main credits), share of the weight, largest first (at most 10)
 * @param topTracks the heaviest tracks, the implicit seeds of "recommend for me", and its familiar candidates (at most 25)
 * @param noveltyTolerance share of the plays of the last 90 days (back from the latest listen) going to
 *     tracks and artists first played in those 90 days, the two shares averaged; null without listens
 * @param mainstreamness weighted mean catalog popularity of the music, 0–1; null when unknown
 * @param hours share of the plays of the last 90 days in each UTC hour of the day (24 values)
 * @param latestListen the newest listen, from which recency is measured
 */
public record ListenerProfile(
        long listens,
        long tracks,
        Map<String, Stat> sound,
        Range tempo,
        Range energy,
        List<Weighted> genres,
        List<Weighted> artists,
        List<Long> topTracks,
        Double noveltyTolerance,
        Double mainstreamness,
        List<Double> hours,
        Instant latestListen) {

    public record Stat(double mean, double spread) {}

    public record Range(double low, double high) {}

    public record Weighted(long id, String name, double weight) {}

    boolean isEmpty() {
        return tracks == 0;
    }

    /** The 0–1 targets of this profile (neutral where it knows nothing), on the steps a code carries. */
    ProfileTargets targets() {
        Map<Dimension, ProfileTargets.Sound> scaled = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.ALL) {
            Stat stat = sound.get(d.column);
            scaled.put(
                    d,
                    stat == null
                            ? new ProfileTargets.Sound(0.5, 0.5)
                            : new ProfileTargets.Sound(d.scale(stat.mean()), stat.spread() / (d.high - d.low)));
        }
        return new ProfileTargets(
                        scaled,
                        scaledRange(tempo, Dimension.TEMPO),
                        scaledRange(energy, Dimension.ENERGY),
                        noveltyTolerance == null ? 0.5 : noveltyTolerance,
                        mainstreamness == null ? 0.5 : mainstreamness)
                .quantized();
    }

    private static ProfileTargets.Range scaledRange(Range range, Dimension d) {
        return range == null
                ? new ProfileTargets.Range(0, 1)
                : new ProfileTargets.Range(d.scale(range.low()), d.scale(range.high()));
    }
}
