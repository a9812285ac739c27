package io.refrain.recommend;

import io.refrain.platform.errors.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A checked {@code GET /api/v1/recommendations} query. {@link #parse} refuses, with a 400 naming the
 * parameter: no seed or more than 5, an id that is not a number, an unknown parameter (a mistyped
 * {@code min_enrgy} is an error, not ignored), a value out of its attribute's range, a fraction
 * for an integer attribute, {@code min_} above {@code max_}, and a limit outside 1–100.
 */
record RecommendationRequest(
        List<Long> seedTracks,
        List<Long> seedArtists,
        List<String> seedGenres,
        String profile,
        Map<Attribute, Attribute.Constraint> constraints,
        int limit,
        boolean session,
        boolean unplayedOnly,
        Long varietySeed) {

    static final int MAX_SEEDS = 5;
    static final int MAX_LIMIT = 100;

    int seedCount() {
        return seedTracks.size() + seedArtists.size() + seedGenres.size() + (profile == null ? 0 : 1);
    }

    /** Recommendations from the reader's own profile only, as the weekly discovery asks for them. */
    static RecommendationRequest fromMyProfile(int limit, boolean unplayedOnly, Long varietySeed) {
        return new RecommendationRequest(
                List.of(), List.of(), List.of(), "me", Map.of(), limit, false, unplayedOnly, varietySeed);
    }

    static RecommendationRequest parse(Map<String, String> query) {
        List<Long> tracks = ids(query.get("seed_tracks"), "seed_tracks");
        List<Long> artists = ids(query.get("seed_artists"), "seed_artists");
        List<String> genres = words(query.get("seed_genres"));
        String profile = blankToNull(query.get("profile"));
        Map<Attribute, Double[]> bounds = new EnumMap<>(Attribute.class);
        int limit = 20;
        boolean session = false;
        boolean unplayed = false;
        Long varietySeed = null;
        for (var entry : query.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            switch (name) {
                case "seed_tracks", "seed_artists", "seed_genres", "profile" -> {}
                case "limit" -> limit = (int) integer(name, value, 1, MAX_LIMIT);
                case "session" -> session = bool(name, value);
                case "unplayed" -> unplayed = bool(name, value);
                case "variety_seed" -> varietySeed = integer(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> {
                    int underscore = name.indexOf('_');
                    String prefix = underscore < 0 ? "" : name.substring(0, underscore);
                    var attribute = underscore < 0
                            ? null
                            : Attribute.named(name.substring(underscore + 1)).orElse(null);
                    int slot =
                            switch (prefix) {
                                case "min" -> 0;
                                case "max" -> 1;
                                case "target" -> 2;
                                default -> -1;
                            };
                    if (attribute == null || slot < 0) {
                        throw ApiException.invalidField(
                                name,
                                "not a parameter of recommendations (seed_*, profile, limit, session, unplayed, variety_seed, min_/max_/target_<attribute>)");
                    }
                    bounds.computeIfAbsent(attribute, a -> new Double[3])[slot] = number(name, value, attribute);
                }
            }
        }
        int seeds = tracks.size() + artists.size() + genres.size() + (profile == null ? 0 : 1);
        if (seeds == 0 || seeds > MAX_SEEDS) {
            throw ApiException.invalidField(
                    seeds == 0 ? "seed_tracks" : firstSeedParameter(tracks, artists, genres),
                    "give 1 to " + MAX_SEEDS + " seeds in all (seed_tracks, seed_artists, seed_genres, profile); got "
                            + seeds);
        }
        Map<Attribute, Attribute.Constraint> constraints = new EnumMap<>(Attribute.class);
        bounds.forEach((attribute, b) -> {
            if (b[0] != null && b[1] != null && b[0] > b[1]) {
                throw ApiException.invalidField("min_" + attribute.name, "is above max_" + attribute.name);
            }
            constraints.put(attribute, new Attribute.Constraint(b[0], b[1], b[2]));
        });
        return new RecommendationRequest(
                tracks, artists, genres, profile, constraints, limit, session, unplayed, varietySeed);
    }

    private static String firstSeedParameter(List<Long> tracks, List<Long> artists, List<String> genres) {
        return !tracks.isEmpty()
                ? "seed_tracks"
                : !artists.isEmpty() ? "seed_artists" : !genres.isEmpty() ? "seed_genres" : "profile";
    }

    private static List<Long> ids(String value, String parameter) {
        List<Long> ids = new ArrayList<>();
        for (String word : words(value)) {
            try {
                long id = Long.parseLong(word);
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw ApiException.invalidField(parameter, "'" + word + "' is not a catalog id");
            }
        }
        return ids;
    }

    private static List<String> words(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(w -> !w.isEmpty())
                .distinct()
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static double number(String name, String value, Attribute attribute) {
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.invalidField(name, "must be a number");
        }
        if (!Double.isFinite(number) || number < attribute.low || number > attribute.high) {
            throw ApiException.invalidField(
                    name, "must be between " + format(attribute.low) + " and " + format(attribute.high));
        }
        if (attribute.integer && number != Math.rint(number)) {
            throw ApiException.invalidField(name, "must be a whole number");
        }
        return number;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static long integer(String name, String value, long low, long high) {
        try {
            long number = Long.parseLong(value.trim());
            if (number < low || number > high) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.invalidField(
                    name, low == 1 ? "must be between 1 and " + high : "must be a whole number");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value == null ? "" : value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, "must be true or false");
        };
    }
}
