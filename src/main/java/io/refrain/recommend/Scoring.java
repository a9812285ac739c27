package io.refrain.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A candidate's score and reasons:
 *
 * <pre>
 * score = 0.40·similarity + 0.30·closeness + 0.15·novelty + 0.15·popularity (+0.10 loved artist, +0.05 artist
 *         of a track accepted from a discovery session, +0.05·hash(variety_seed, id) when a variety seed is given)
 * similarity = the best of: co-listened with a seed track (score / best such score), co-listened with your
 *              top tracks (0.8·…), by a seed artist or a co-listened neighbour of one (0.6·…), popular in a
 *              seed genre (0.5·…), one of your own most played tracks (0.7·…), popular now (0.35·…)
 * closeness  = exp(−mean(z²) / 2) over the targeted dimensions, z = (value − target) / spread; targets from
 *              target_ parameters (spread 0.1), else the profile (its spreads, at least 0.05), else the seed
 *              tracks' mean (spread 0.15); 0.5 without any target
 * novelty    = the profile's novelty tolerance for a track you never played, one minus it for one you did
 *              (0.6 / 0.4 without a profile)
 * popularity = 1 − |popularity − the profile's mainstreamness| (popularity alone without a profile)
 * </pre>
 */
final class Scoring {

    enum Kind {
        CO_LISTENED,
        CO_LISTENED_MINE,
        SOUND,
        ARTIST,
        GENRE,
        FAVOURITE,
        POPULAR_NOW
    }

    /** One source a candidate came from: its kind, raw score and what it came through (a title, artist or genre). */
    record Source(Kind kind, double score, String label) {}

    record Scored(CandidateRepository.Candidate candidate, double score, List<String> reasons) {}

    static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparingLong(s -> s.candidate().id());

    private static final double TARGET_SPREAD = 0.1;
    private static final double SEED_SPREAD = 0.15;
    private static final double MIN_PROFILE_SPREAD = 0.05;

    private final Recommender.Seeds seeds;
    private final RecommendationRequest request;
    private final Map<Long, List<Source>> evidence;
    private final Map<Kind, Double> best = new EnumMap<>(Kind.class);
    private final double[] target;
    private final double[] spread;
    private final String targetOwner;
    private final Set<Long> profileGenres;

    Scoring(Recommender.Seeds seeds, RecommendationRequest request, Map<Long, List<Source>> evidence) {
        this.seeds = seeds;
        this.request = request;
        this.evidence = evidence;
        evidence.values().forEach(list -> list.forEach(s -> best.merge(s.kind(), s.score(), Math::max)));
        this.target = new double[Dimension.ALL.size()];
        this.spread = new double[Dimension.ALL.size()];
        this.targetOwner = targets(seeds, request, target, spread);
        this.profileGenres = seeds.profile() == null
                ? Set.of()
                : seeds.profile().genres().stream()
                        .map(ListenerProfile.Weighted::id)
                        .collect(Collectors.toSet());
    }

    /** The sound to look near: targets where any are given, 0.5 elsewhere. */
    static double[] targetVector(Recommender.Seeds seeds, RecommendationRequest request) {
        double[] target = new double[Dimension.ALL.size()];
        targets(seeds, request, target, new double[target.length]);
        return target;
    }

    /** Fills targets and spreads (spread 0 = no target on that dimension); returns whose targets they are. */
    private static String targets(
            Recommender.Seeds seeds, RecommendationRequest request, double[] target, double[] spread) {
        String owner = null;
        java.util.Arrays.fill(target, 0.5);
        List<double[]> seedVectors = seeds.tracks().stream()
                .map(CandidateRepository.SeedTrack::vector)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (seeds.targets() != null) {
            for (Dimension d : Dimension.ALL) {
                target[d.ordinal()] = seeds.targets().mean(d);
                spread[d.ordinal()] =
                        Math.max(MIN_PROFILE_SPREAD, seeds.targets().spread(d));
            }
            owner = seeds.profileName();
        } else if (!seedVectors.isEmpty()) {
            for (Dimension d : Dimension.ALL) {
                target[d.ordinal()] = seedVectors.stream()
                        .mapToDouble(v -> v[d.ordinal()])
                        .average()
                        .orElse(0.5);
                spread[d.ordinal()] = SEED_SPREAD;
            }
            owner = "the seeds'";
        }
        for (var entry : request.constraints().entrySet()) {
            Attribute attribute = entry.getKey();
            if (attribute.dimension != null && entry.getValue().target() != null) {
                target[attribute.dimension.ordinal()] =
                        attribute.dimension.scale(entry.getValue().target());
                spread[attribute.dimension.ordinal()] = TARGET_SPREAD;
                owner = owner == null ? "the target" : owner;
            }
        }
        return owner;
    }

    Scored score(CandidateRepository.Candidate c) {
        List<Source> sources = evidence.getOrDefault(c.id(), List.of());
        double similarity = 0;
        for (Source s : sources) {
            double max = best.getOrDefault(s.kind(), 1.0);
            double value =
                    switch (s.kind()) {
                        case CO_LISTENED -> s.score() / max;
                        case CO_LISTENED_MINE -> 0.8 * s.score() / max;
                        case ARTIST -> 0.6 * s.score() / max;
                        case GENRE -> 0.5 * s.score();
                        case FAVOURITE -> 0.7 * s.score() / max;
                        case POPULAR_NOW -> 0.35 * s.score() / max;
                        case SOUND -> 0;
                    };
            similarity = Math.max(similarity, value);
        }
        double[] z = new double[Dimension.ALL.size()];
        double closeness = closeness(c, z);
        double novelty;
        double popularity = Double.isNaN(c.values()[0]) ? 0.3 : c.values()[0] / 100.0;
        if (seeds.targets() != null) {
            double tolerance = seeds.targets().noveltyTolerance();
            novelty = c.myPlays() == 0 ? tolerance : 1 - tolerance;
            popularity = 1 - Math.abs(popularity - seeds.targets().mainstreamness());
        } else {
            novelty = c.myPlays() == 0 ? 0.6 : 0.4;
        }
        double score = 0.40 * similarity + 0.30 * closeness + 0.15 * novelty + 0.15 * popularity;
        if (c.lovedArtist()) {
            score += 0.10;
        }
        if (c.acceptedArtist()) {
            score += 0.05;
        }
        if (request.varietySeed() != null) {
            long h = (request.varietySeed() * 0x9E3779B97F4A7C15L) ^ (c.id() * 0xC2B2AE3D27D4EB4FL);
            h ^= h >>> 31;
            score += 0.05 * ((h >>> 11) / (double) (1L << 53));
        }
        return new Scored(c, score, reasons(c, sources, closeness, z));
    }

    private double closeness(CandidateRepository.Candidate c, double[] z) {
        double sum = 0;
        int n = 0;
        for (Dimension d : Dimension.ALL) {
            z[d.ordinal()] = Double.NaN;
            if (spread[d.ordinal()] > 0 && c.vector() != null) {
                double zi = (c.vector()[d.ordinal()] - target[d.ordinal()]) / spread[d.ordinal()];
                z[d.ordinal()] = zi;
                sum += zi * zi;
                n++;
            }
        }
        for (int i = 0; i < CandidateRepository.VALUES.size(); i++) {
            Attribute a = CandidateRepository.VALUES.get(i);
            var constraint = request.constraints().get(a);
            if (constraint != null && constraint.target() != null && !Double.isNaN(c.values()[i])) {
                double zi = (a.unit(c.values()[i]) - a.unit(constraint.target())) / TARGET_SPREAD;
                sum += zi * zi;
                n++;
            }
        }
        if (n == 0) {
            return c.vector() == null && targetOwner != null ? 0.2 : 0.5;
        }
        return Math.exp(-sum / n / 2);
    }

    private List<String> reasons(CandidateRepository.Candidate c, List<Source> sources, double closeness, double[] z) {
        List<String> reasons = new ArrayList<>(3);
        for (Source s : sources) {
            String reason =
                    switch (s.kind()) {
                        case CO_LISTENED ->
                            "played together with “" + s.label() + "” by people who play “" + s.label() + "”";
                        case CO_LISTENED_MINE -> "played together with your most played tracks by people who play them";
                        case ARTIST ->
                            s.label() == null
                                    ? null
                                    : s.label().equals(c.artistName())
                                            ? "by " + s.label()
                                                    + (seeds.profile() != null && seedArtist(s.label())
                                                            ? ", a seed artist"
                                                            : ", an artist you play")
                                            : "by " + c.artistName() + ", often played alongside " + s.label();
                        case GENRE ->
                            !c.familiarArtist() && seeds.profile() != null && profileGenresOf(c)
                                    ? "new artist in a genre you play (" + s.label() + ")"
                                    : "popular in " + s.label();
                        case FAVOURITE -> "one of your most played";
                        case POPULAR_NOW -> "popular now";
                        case SOUND -> null;
                    };
            if (reason != null && !reasons.contains(reason) && reasons.size() < 3) {
                reasons.add(reason);
            }
        }
        if (targetOwner != null && closeness >= 0.5 && reasons.size() < 3) {
            List<Dimension> closest = Dimension.ALL.stream()
                    .filter(d -> !Double.isNaN(z[d.ordinal()]))
                    .sorted(Comparator.comparingDouble((Dimension d) -> Math.abs(z[d.ordinal()]))
                            .thenComparing(Enum::ordinal))
                    .limit(2)
                    .toList();
            if (closest.size() == 2) {
                reasons.add("close to " + targetOwner + " " + closest.get(0).label() + " and "
                        + closest.get(1).label());
            }
        }
        if (c.lovedArtist() && reasons.size() < 3) {
            reasons.add("by an artist you love");
        }
        if (reasons.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "close in sound (closeness %.2f)", closeness));
        }
        return List.copyOf(reasons);
    }

    private boolean seedArtist(String name) {
        return seeds.artists().stream().anyMatch(a -> a.name().equals(name));
    }

    private boolean profileGenresOf(CandidateRepository.Candidate c) {
        for (long g : c.genres()) {
            if (profileGenres.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
