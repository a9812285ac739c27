package io.refrain.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Diversity re-ranking: maximal marginal relevance (each next pick maximises
 * {@code λ·score − (1 − λ)·similarity to the closest track already picked}) with a cap of tracks per
 * artist. Similarity of two tracks: 1 for the same first-credited artist, else
 * {@code max(0, 1 − distance / 0.5)} of their sound vectors (0 when either has none). Ties go to the
 * lower id, so the result is the same for the same input.
 */
final class Diversifier {

    static final double LAMBDA = 0.75;

    private Diversifier() {}

    /** An item to re-rank: its id, score, artist and sound. */
    record Item(long id, double score, Long artistId, double[] vector) {}

    static List<Item> rerank(List<Item> ranked, int limit, int perArtist) {
        List<Item> pool = new ArrayList<>(ranked);
        List<Item> picked = new ArrayList<>();
        Map<Long, Integer> perArtistCount = new HashMap<>();
        double[] closest = new double[pool.size()];
        while (picked.size() < limit && !pool.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                Item item = pool.get(i);
                if (item.artistId() != null && perArtistCount.getOrDefault(item.artistId(), 0) >= perArtist) {
                    continue;
                }
                double value = LAMBDA * item.score() - (1 - LAMBDA) * closest[i];
                if (value > bestValue
                        || (value == bestValue && item.id() < pool.get(best).id())) {
                    best = i;
                    bestValue = value;
                }
            }
            if (best < 0) {
                break; // every one left is by an artist at the cap
            }
            Item chosen = pool.remove(best);
            double[] shifted = new double[pool.size()];
            for (int i = 0, j = 0; i < closest.length; i++) {
                if (i != best) {
                    shifted[j++] = closest[i];
                }
            }
            closest = shifted;
            picked.add(chosen);
            if (chosen.artistId() != null) {
                perArtistCount.merge(chosen.artistId(), 1, Integer::sum);
            }
            for (int i = 0; i < pool.size(); i++) {
                closest[i] = Math.max(closest[i], similarity(pool.get(i), chosen));
            }
        }
        return picked;
    }

    static double similarity(Item a, Item b) {
        if (a.artistId() != null && Objects.equals(a.artistId(), b.artistId())) {
            return 1;
        }
        if (a.vector() == null || b.vector() == null) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < a.vector().length; i++) {
            double d = a.vector()[i] - b.vector()[i];
            sum += d * d;
        }
        return Math.max(0, 1 - Math.sqrt(sum) / 0.5);
    }
}
