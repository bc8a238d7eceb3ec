package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.worker.eval.LossSummary;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.spec.EarlyStoppingSpec;
import dev.arraysweep.worker.spec.EarlyStoppingSpec.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known metric sequences: which epochs become the best (keep_best writes its files at exactly those). */
class BestEpochTest {
    /** {@return the epochs that became the best, in order, when {@code best} sees {@code values}} */
    private static List<Integer> bestAt(BestEpoch best, double... values) {
        List<Integer> epochs = new ArrayList<>();
        for (int epoch = 0; epoch < values.length; epoch++) {
            double v = values[epoch];
            SplitMetrics test = new SplitMetrics(v, new LossSummary(10, v, 0, 1, 0.5, 0.9, 1));
            if (best.observe(epoch, test)) {
                epochs.add(epoch);
            }
        }
        return epochs;
    }

    @Test
    void testAccuracy_takesEachStrictlyHigherEpoch_andATieKeepsTheEarlierOne() {
        BestEpoch best = new BestEpoch(Metric.TEST_ACCURACY);
        assertThat(bestAt(best, 0.5, 0.7, 0.7, 0.6, 0.9, 0.9)).containsExactly(0, 1, 4);
        assertThat(best.epoch()).isEqualTo(4);
        assertThat(best.value()).isEqualTo(0.9);
    }

    @Test
    void testLoss_takesEachStrictlyLowerEpoch() {
        BestEpoch best = new BestEpoch(Metric.TEST_LOSS);
        assertThat(bestAt(best, 1.0, 0.8, 0.9, 0.8, 0.3, 0.31)).containsExactly(0, 1, 4);
        assertThat(best.value()).isEqualTo(0.3);
    }

    @Test
    void theFirstEpoch_isTheBest_evenAsNaN_andNaNNeverBeatsANumber() {
        assertThat(bestAt(new BestEpoch(Metric.TEST_LOSS), Double.NaN, 2.0, Double.NaN, 1.0))
                .containsExactly(0, 1, 3);
    }

    @Test
    void earlyStopping_agreesOnTheBestEpoch() {
        // early stopping's reason names its best epoch: the one BestEpoch chooses (the tie at epoch 3 is not)
        double[] values = {0.9, 0.6, 0.7, 0.6, 0.8};
        EarlyStopping stopping = new EarlyStopping(new EarlyStoppingSpec(3, Metric.TEST_LOSS));
        BestEpoch best = new BestEpoch(Metric.TEST_LOSS);
        for (int epoch = 0; epoch < values.length; epoch++) {
            stopping.observe(epoch, values[epoch]);
        }
        bestAt(best, values);
        assertThat(best.epoch()).isEqualTo(1);
        assertThat(stopping.stop().orElseThrow().reason()).contains("at epoch 1;");
    }
}
