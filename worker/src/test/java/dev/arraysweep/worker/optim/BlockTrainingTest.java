package dev.arraysweep.worker.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import org.junit.jupiter.api.Test;

/** A hand-written training loop on a DJL block: the way the worker uses an optimiser. */
class BlockTrainingTest extends ManagedArraysTest {

    @Test
    void linearRegression_convergesWithoutGrowingMemory() {
        Engine.getInstance().setRandomSeed(3);
        Linear block = Linear.builder().setUnits(1).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(8, 3));
        NDArray x = manager.randomUniform(-1, 1, new Shape(8, 3));
        NDArray y = x.matMul(manager.create(new float[] {1f, -2f, 0.5f}, new Shape(3, 1)))
                .add(0.3f);

        int liveAfterFirstSteps = 0;
        int liveAtTheEnd = 0;
        float loss = Float.NaN;
        try (Optimizer optimizer = new Sgd(0.9, true, 0)) {
            for (int step = 0; step < 200; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    scope.tempAttachAll(x, y);
                    NDArray stepLoss;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray prediction = block.forward(new ParameterStore(scope, false), new NDList(x), true)
                                .singletonOrThrow();
                        stepLoss = prediction.sub(y).square().mean();
                        collector.backward(stepLoss);
                    }
                    optimizer.step(block, 0.05);
                    loss = stepLoss.getFloat();
                }
                if (step == 4) {
                    liveAfterFirstSteps = manager.getManagedArrays().size();
                }
                liveAtTheEnd = manager.getManagedArrays().size();
            }
        }
        assertThat(loss).isLessThan(1e-4f);
        assertThat(liveAtTheEnd).isEqualTo(liveAfterFirstSteps);
    }
}
