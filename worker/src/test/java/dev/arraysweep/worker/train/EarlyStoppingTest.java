package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.worker.eval.LossSummary;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.spec.EarlyStoppingSpec;
import dev.arraysweep.worker.spec.EarlyStoppingSpec.Metric;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Known metric sequences: the run stops exactly patience epochs after its best epoch. */
class EarlyStoppingTest {
    private static EarlyStopping watching(Metric metric, int patience) {
        return new EarlyStopping(new EarlyStoppingSpec(patience, metric));
    }

    /** {@return the epoch after which the run stops, or -1 when it trains every value} */
    private static int stopAfter(EarlyStopping e, double... values) {
        for (int epoch = 0; epoch < values.length; epoch++) {
            if (e.observe(epoch, values[epoch])) {
                return epoch;
            }
        }
        return -1;
    }

    @Test
    void testLoss_stopsPatienceEpochsAfterTheLowest_andATieIsNoImprovement() {
        // best 0.8 at epoch 1; 0.9, 0.85 and the tie 0.8 do not improve on it: 3 epochs later, after epoch 4
        EarlyStopping e = watching(Metric.TEST_LOSS, 3);
        assertThat(stopAfter(e, 1.0, 0.8, 0.9, 0.85, 0.8, 0.1, 0.05)).isEqualTo(4);
        assertThat(e.stop()).hasValueSatisfying(s -> {
            assertThat(s.epoch()).isEqualTo(4);
            assertThat(s.reason())
                    .contains("test mean loss")
                    .contains("3 epochs")
                    .contains("0.800000 at epoch 1")
                    .contains("stopped after epoch 4");
        });
    }

    @Test
    void anImprovement_startsTheCountAgain() {
        // best 0.9 at epoch 1, then 0.7 at epoch 3 (the count of 1 starts again); 2 epochs later: after epoch 5
        assertThat(stopAfter(watching(Metric.TEST_LOSS, 2), 1.0, 0.9, 0.95, 0.7, 0.7, 0.71, 0.1))
                .isEqualTo(5);
    }

    @Test
    void testAccuracy_stopsPatienceEpochsAfterTheHighest() {
        // best 0.6 at epoch 3; epochs 4 and 5 equal it: after epoch 5
        EarlyStopping e = watching(Metric.TEST_ACCURACY, 2);
        assertThat(stopAfter(e, 0.1, 0.5, 0.5, 0.6, 0.6, 0.55, 0.9)).isEqualTo(5);
        assertThat(e.stop().orElseThrow().reason()).contains("test accuracy").contains("0.600000 at epoch 3");
    }

    @Test
    void theWatchedMetric_isTakenFromTheTestSplit() {
        SplitMetrics better = new SplitMetrics(0.4, new LossSummary(10, 0.5, 0, 1, 0.5, 0.9, 1));
        SplitMetrics worse = new SplitMetrics(0.9, new LossSummary(10, 0.7, 0, 1, 0.5, 0.9, 1));
        EarlyStopping loss = watching(Metric.TEST_LOSS, 1);
        EarlyStopping accuracy = watching(Metric.TEST_ACCURACY, 1);
        assertThat(loss.observe(0, better)).isFalse();
        assertThat(loss.observe(1, worse)).as("the loss rose").isTrue();
        assertThat(accuracy.observe(0, better)).isFalse();
        assertThat(accuracy.observe(1, worse)).as("the accuracy rose").isFalse();
    }

    @Test
    void nan_neverImproves() {
        assertThat(stopAfter(watching(Metric.TEST_LOSS, 2), Double.NaN, 1.0, Double.NaN, Double.NaN, 0.5))
                .as("the first number is the best, the NaNs after it count")
                .isEqualTo(3);
    }

    @Test
    void itsStateSurvivesSerialisation_asInACheckpoint() throws Exception {
        double[] values = {1.0, 0.8, 0.9, 0.85, 0.8, 0.1};
        EarlyStopping e = watching(Metric.TEST_LOSS, 3);
        e.observe(0, values[0]);
        e.observe(1, values[1]);
        e.observe(2, values[2]);
        EarlyStopping resumed = copy(e);
        assertThat(resumed.observe(3, values[3])).isFalse();
        assertThat(resumed.observe(4, values[4])).isTrue();
        EarlyStopping stopped = copy(resumed);
        assertThat(stopped.stop()).isEqualTo(resumed.stop());
        assertThatThrownBy(() -> stopped.observe(5, values[5])).isInstanceOf(IllegalStateException.class);
    }

    private static EarlyStopping copy(EarlyStopping e) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (EarlyStopping) in.readObject();
        }
    }
}
