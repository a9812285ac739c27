package io.refrain.recommend;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What other modules (the assistant) ask of recommendations, in one place: recommendations by the
 * same parameters as {@code GET /api/v1/recommendations}, a user's profile, profile codes decoded,
 * and a profile code made from a sketch of someone's taste (a conversation's answers), blended with
 * their own profile where the sketch says nothing.
 */
@Service
public class Taste {

    /** How wide a sketched dimension is taken to be (on its 0–1 scale) when the user said where it sits. */
    private static final double SKETCHED_SPREAD = 0.12;
    /** And one nobody said anything about, without a profile: wide, so it hardly constrains. */
    private static final double OPEN_SPREAD = 0.3;

    /**
     * A sketch of a taste.
     *
     * @param means            dimension (as the API names it: energy, valence, tempo, mellow, …) → the value
     *                         sought, in that dimension's own units (tempo in BPM, 0–1 for most)
     * @param noveltyTolerance 0–1, how much new music is welcome; null for the profile's or a default
     * @param mainstreamness   0–1, how popular; null likewise
     */
    public record Sketch(Map<String, Double> means, Double noveltyTolerance, Double mainstreamness) {}

    private final Recommender recommender;
    private final ProfileService profiles;

    Taste(Recommender recommender, ProfileService profiles) {
        this.recommender = recommender;
        this.profiles = profiles;
    }

    /** Recommendations for {@code reader}; {@code query} holds the parameters of the REST endpoint. */
    public Recommendation recommend(UUID reader, Map<String, String> query) {
        return recommender.recommend(reader, RecommendationRequest.parse(query));
    }

    public ProfileView profile(UUID user) {
        return ProfileView.of(profiles.current(user));
    }

    /** What a code stands for; 400 naming {@code parameter} for a bad code. */
    public CodeView decode(String code, String parameter) {
        return CodeView.of(code, ProfileCode.decode(code, parameter));
    }

    /** The dimensions a sketch may name, as the API names them. */
    public static boolean isDimension(String name) {
        return Dimension.ALL.stream().anyMatch(d -> d.column.equals(name));
    }

    /**
     * A profile code for a sketch: each sketched dimension at the value given (narrow), the others
     * from the user's own profile when they have listened to anything, else open.
     */
    public CodeView code(UUID user, Sketch sketch) {
        Optional<ProfileTargets> own = ownTargets(user);
        Map<Dimension, ProfileTargets.Sound> sound = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.ALL) {
            Double value = sketch.means().get(d.column);
            if (value != null) {
                sound.put(d, new ProfileTargets.Sound(d.scale(value), SKETCHED_SPREAD));
            } else {
                sound.put(d, own.map(t -> t.sound().get(d)).orElse(new ProfileTargets.Sound(0.5, OPEN_SPREAD)));
            }
        }
        ProfileTargets.Range tempo = range(sound.get(Dimension.TEMPO), own.map(ProfileTargets::tempo), sketch, "tempo");
        ProfileTargets.Range energy =
                range(sound.get(Dimension.ENERGY), own.map(ProfileTargets::energy), sketch, "energy");
        double novelty = sketch.noveltyTolerance() != null
                ? sketch.noveltyTolerance()
                : own.map(ProfileTargets::noveltyTolerance).orElse(0.3);
        double mainstream = sketch.mainstreamness() != null
                ? sketch.mainstreamness()
                : own.map(ProfileTargets::mainstreamness).orElse(0.5);
        ProfileTargets targets = new ProfileTargets(
                sound, tempo, energy, Math.clamp(novelty, 0.0, 1.0), Math.clamp(mainstream, 0.0, 1.0));
        String code = ProfileCode.encode(targets);
        return CodeView.of(code, ProfileCode.decode(code, "code"));
    }

    private Optional<ProfileTargets> ownTargets(UUID user) {
        ListenerProfile p = profiles.current(user).stored().profile();
        return p.listens() == 0 && p.tracks() == 0 ? Optional.empty() : Optional.of(p.targets());
    }

    /** A sketched dimension's range is its value ± the sketched spread; otherwise the profile's, or open. */
    private static ProfileTargets.Range range(
            ProfileTargets.Sound sound, Optional<ProfileTargets.Range> own, Sketch sketch, String dimension) {
        if (sketch.means().containsKey(dimension) || own.isEmpty()) {
            double spread = sketch.means().containsKey(dimension) ? SKETCHED_SPREAD : OPEN_SPREAD;
            return new ProfileTargets.Range(
                    Math.clamp(sound.mean() - spread, 0.0, 1.0), Math.clamp(sound.mean() + spread, 0.0, 1.0));
        }
        return own.get();
    }
}
