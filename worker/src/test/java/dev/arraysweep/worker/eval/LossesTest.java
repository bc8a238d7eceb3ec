package dev.arraysweep.worker.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import dev.arraysweep.worker.testing.PytorchReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-sample cross entropy, argmax and top-2 margins against PyTorch for fixed logits. */
class LossesTest extends ManagedArraysTest {

    private static final JsonNode LOSS = PytorchReference.section("loss");

    private NDArray logits;
    private NDArray labels;

    @BeforeEach
    void open() {
        logits = manager.create(PytorchReference.flatFloats(LOSS.get("logits"))).reshape(3, 4);
        labels = manager.create(new int[] {0, 2, 3});
    }

    @Test
    void perSample_matchesCrossEntropyWithoutReduction() {
        NDArray perSample = Losses.perSample(logits, labels);
        assertThat(perSample.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(3));
        float[] losses = perSample.toFloatArray();
        assertThat(toDoubles(losses))
                .containsExactly(PytorchReference.doubles(LOSS.get("per_sample_ce")), within(1e-6));
        assertThat(LossSummary.of(losses).mean()).isCloseTo(LOSS.get("mean").asDouble(), within(1e-6));
    }

    @Test
    void predictions_areTheArgmaxWithTheFirstIndexOnTies() {
        assertThat(Losses.predictions(logits).toLongArray()).containsExactly(0, 1, 0);
    }

    @Test
    void correct_comparesPredictionAndLabel() {
        NDArray anyIntType = manager.create(new long[] {0, 1, 3}).toType(DataType.INT32, false);
        assertThat(Losses.correct(logits, anyIntType).toBooleanArray()).containsExactly(true, true, false);
    }

    @Test
    void top2Margin_matchesSoftmaxMargin() {
        NDArray margin = Losses.top2Margin(logits);
        assertThat(margin.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(3));
        double[] margins = toDoubles(margin.toFloatArray());
        assertThat(margins).containsExactly(PytorchReference.doubles(LOSS.get("softmax_top2_margin")), within(1e-6));
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
