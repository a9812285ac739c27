package io.refrain.bench;

import java.util.List;
import java.util.Set;

/**
 * Top-k ranking metrics with binary relevance, as offline recommender evaluations report them:
 * hit rate (at least one relevant item in the list), recall (share of the relevant items in the
 * list) and NDCG (each hit discounted by log2 of its rank + 1, over the best possible DCG for
 * that many relevant items). Every item of the relevant set counts, including ones the catalog
 * cannot offer: nothing is sampled.
 */
record EvaluationMetrics(double hitRate, double recall, double ndcg) {

    static EvaluationMetrics of(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("a user without relevant items is not evaluated");
        }
        double dcg = 0;
        int hits = 0;
        int n = Math.min(k, ranked.size());
        for (int i = 0; i < n; i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return new EvaluationMetrics(hits > 0 ? 1 : 0, (double) hits / relevant.size(), dcg / ideal);
    }

    /** The mean of each metric over users (every user weighs the same). */
    static EvaluationMetrics mean(List<EvaluationMetrics> perUser) {
        return new EvaluationMetrics(
                perUser.stream()
                        .mapToDouble(EvaluationMetrics::hitRate)
                        .average()
                        .orElse(0),
                perUser.stream()
                        .mapToDouble(EvaluationMetrics::recall)
                        .average()
                        .orElse(0),
                perUser.stream().mapToDouble(EvaluationMetrics::ndcg).average().orElse(0));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
