package io.refrain.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ranking metrics against values worked out by hand. */
class EvaluationMetricsTest {

    @Test
    void aPerfectListScoresOne() {
        var m = EvaluationMetrics.of(List.of("a", "b"), Set.of("a", "b"), 50);
        assertThat(m.hitRate()).isEqualTo(1);
        assertThat(m.recall()).isEqualTo(1);
        assertThat(m.ndcg()).isCloseTo(1, offset(1e-12));
    }

    @Test
    void aLaterHitIsDiscountedAndTheRelevantItemsTheListMissesCount() {
        // one hit at rank 2 (discount 1/log2(3)) out of 4 relevant; the ideal puts 4 hits at ranks 1–4
        var m = EvaluationMetrics.of(List.of("x", "a", "y"), Set.of("a", "b", "c", "d"), 50);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4) + 1 / log2(5);
        assertThat(m.hitRate()).isEqualTo(1);
        assertThat(m.recall()).isEqualTo(0.25);
        assertThat(m.ndcg()).isCloseTo((1 / log2(3)) / ideal, offset(1e-12));
    }

    @Test
    void onlyTheFirstKCount() {
        var m = EvaluationMetrics.of(List.of("x", "y", "a"), Set.of("a"), 2);
        assertThat(m.hitRate()).isZero();
        assertThat(m.recall()).isZero();
        assertThat(m.ndcg()).isZero();
    }

    @Test
    void theMeanWeighsEveryUserTheSame() {
        var mean = EvaluationMetrics.mean(List.of(new EvaluationMetrics(1, 0.5, 0.2), new EvaluationMetrics(0, 0, 0)));
        assertThat(mean).isEqualTo(new EvaluationMetrics(0.5, 0.25, 0.1));
        assertThatThrownBy(() -> EvaluationMetrics.of(List.of("a"), Set.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
