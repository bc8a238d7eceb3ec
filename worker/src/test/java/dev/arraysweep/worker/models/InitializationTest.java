package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitializationTest {

    @Test
    void sameSeed_givesIdenticalWeights_otherSeed_differentOnes() {
        assertThat(checksum("lenet", 42)).isEqualTo(checksum("lenet", 42));
        assertThat(checksum("lenet", 42)).isNotEqualTo(checksum("lenet", 43));
        assertThat(checksum("fcnet50", 1)).isEqualTo(checksum("fcnet50", 1));
    }

    @Test
    void weightsAndBiases_areUniformWithinOneOverSqrtFanIn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block lenet = Models.build("lenet", 3, 10);
            Models.initialize(lenet, manager, Models.inputShape(3), 5);
            List<Parameter> p = lenet.getParameters().values();

            // conv1: 6 filters of 3x5x5 (fan-in 75); fc1: 120 x 400 (fan-in 400)
            assertUniform(p.get(0), new Shape(6, 3, 5, 5), 75);
            assertUniform(p.get(1), new Shape(6), 75);
            assertUniform(p.get(4), new Shape(120, 400), 400);
            assertUniform(p.get(5), new Shape(120), 400);
            float[] fc1 = p.get(4).getArray().toFloatArray();
            double mean = 0;
            double square = 0;
            for (float v : fc1) {
                mean += v / fc1.length;
                square += (double) v * v / fc1.length;
            }
            assertThat(mean).isBetween(-0.001, 0.001);
            assertThat(Math.sqrt(square))
                    .as("std of U(-b, b) is b / sqrt(3)")
                    .isBetween(0.98 / Math.sqrt(3 * 400), 1.02 / Math.sqrt(3 * 400));
        }
    }

    @Test
    void batchNorm_startsWithUnitScaleZeroShiftAndUnitVariance() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block =
                    new SequentialBlock().add(Layers.conv(4, 3, 1, 1, false)).add(Layers.batchNorm());
            Models.initialize(block, manager, new Shape(1, 2, 8, 8), 3);
            List<Parameter> p = block.getParameters().values();

            assertThat(p)
                    .extracting(Parameter::getType)
                    .containsExactly(
                            Parameter.Type.WEIGHT,
                            Parameter.Type.GAMMA,
                            Parameter.Type.BETA,
                            Parameter.Type.RUNNING_MEAN,
                            Parameter.Type.RUNNING_VAR);
            assertUniform(p.get(0), new Shape(4, 2, 3, 3), 18);
            assertThat(p.get(1).getArray().toFloatArray()).containsOnly(1f);
            assertThat(p.get(2).getArray().toFloatArray()).containsOnly(0f);
            assertThat(p.get(3).getArray().toFloatArray()).containsOnly(0f);
            assertThat(p.get(4).getArray().toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void initialisedBlock_cannotBeInitialisedAgain() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build("fcnet3", 1, 2);
            Models.initialize(block, manager, Models.inputShape(1), 1);

            assertThatThrownBy(() -> Models.initialize(block, manager, Models.inputShape(1), 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already initialised");
        }
    }

    private static void assertUniform(Parameter parameter, Shape shape, int fanIn) {
        NDArray array = parameter.getArray();
        float bound = (float) (1 / Math.sqrt(fanIn));
        float[] values = array.toFloatArray();
        assertThat(array.getShape()).isEqualTo(shape);
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(max).as("largest |value| of %s", parameter.getName()).isLessThanOrEqualTo(bound);
        assertThat(max).as("largest |value| of %s", parameter.getName()).isGreaterThan(0.7f * bound);
    }

    private static int checksum(String model, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build(model, 1, 10);
            Models.initialize(block, manager, Models.inputShape(1), seed);
            int hash = 1;
            for (Parameter parameter : block.getParameters().values()) {
                hash = 31 * hash + Arrays.hashCode(parameter.getArray().toFloatArray());
            }
            return hash;
        }
    }
}
