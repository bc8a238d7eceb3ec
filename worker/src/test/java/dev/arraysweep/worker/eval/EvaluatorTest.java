package dev.arraysweep.worker.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import org.junit.jupiter.api.Test;

/** Accuracy and losses of a tiny linear model whose outputs are known by hand. */
class EvaluatorTest extends ManagedArraysTest {

    private static final double LN3 = Math.log(3);

    /** Flatten then Linear(2 -> 2) with identity weights and zero bias: logits are the pixels. */
    private Block identityModel() {
        SequentialBlock block = new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 2));
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            array.set(parameter.getType() == Parameter.Type.WEIGHT ? new float[] {1, 0, 0, 1} : new float[] {0, 0});
        }
        return block;
    }

    @Test
    void evaluate_givesHandComputedLossesAndAccuracy() {
        // logits per sample: (ln3, 0), (ln3, 0), (0, 0), (0, ln3); labels 0, 1, 0, 1
        NDArray images = manager.create(
                new float[] {(float) LN3, 0, (float) LN3, 0, 0, 0, 0, (float) LN3}, new Shape(4, 1, 1, 2));
        NDArray labels = manager.create(new long[] {0, 1, 0, 1});
        Evaluator evaluator = Evaluator.of(identityModel(), 3);

        SampleOutcomes outcomes = evaluator.outcomes(images, labels);
        double right = Math.log(4.0 / 3); // -log(3/4)
        double wrong = Math.log(4); // -log(1/4)
        double tie = Math.log(2);
        assertThat(toDoubles(outcomes.losses())).containsExactly(new double[] {right, wrong, tie, right}, within(1e-6));
        // a tie predicts class 0, which is the label of sample 2
        assertThat(outcomes.correct()).containsExactly(true, false, true, true);

        SplitMetrics metrics = evaluator.evaluate(images, labels);
        assertThat(metrics.accuracy()).isEqualTo(0.75);
        assertThat(metrics.losses().count()).isEqualTo(4);
        assertThat(metrics.losses().mean()).isCloseTo((2 * right + wrong + tie) / 4, within(1e-6));
        assertThat(metrics.losses().best()).isCloseTo(right, within(1e-6));
        assertThat(metrics.losses().worst()).isCloseTo(wrong, within(1e-6));
    }

    @Test
    void evaluate_leavesNoArraysBehind() {
        NDArray images = manager.randomUniform(0, 1, new Shape(10, 1, 1, 2));
        NDArray labels = manager.create(new long[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1});
        Evaluator evaluator = Evaluator.of(identityModel(), 4);
        evaluator.evaluate(images, labels);
        int live = manager.getManagedArrays().size();
        evaluator.evaluate(images, labels);
        assertThat(manager.getManagedArrays()).hasSize(live);
    }

    @Test
    void evaluate_doesNotUpdateBatchNormStatistics() {
        SequentialBlock block = new SequentialBlock()
                .add(BatchNorm.builder().build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 2));
        NDArray runningMean = block.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN)
                .findFirst()
                .orElseThrow()
                .getArray();
        NDArray images = manager.randomUniform(5, 6, new Shape(8, 1, 1, 2));
        NDArray labels = manager.zeros(new Shape(8), DataType.INT64);

        Evaluator.of(block, 3).evaluate(images, labels);
        assertThat(runningMean.toFloatArray()).containsOnly(0f);

        // the same forward with training=true does move them: the check above can fail
        block.forward(new ParameterStore(manager, false), new NDList(images), true);
        assertThat(runningMean.toFloatArray()[0]).isGreaterThan(0.1f);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
