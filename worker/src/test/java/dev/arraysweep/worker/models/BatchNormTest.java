package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNormTest {

    @Test
    void trainingStep_updatesRunningStatisticsLikePyTorchMomentumPointOne() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block bn = Layers.batchNorm();
            Models.initialize(bn, manager, new Shape(2, 1, 1, 2), 0);
            // batch mean 3, biased variance 3.5, unbiased variance 14 / 3
            NDArray x = manager.create(new float[] {1, 2, 3, 6}, new Shape(2, 1, 1, 2));

            NDArray y = bn.forward(new ParameterStore(manager, false), new NDList(x), true)
                    .head();

            List<Parameter> p = bn.getParameters().values();
            // PyTorch: running = 0.9 * running + 0.1 * batch statistic (unbiased variance)
            assertThat(p.get(2).getArray().getFloat(0)).isCloseTo(0.1f * 3, within(1e-6f));
            assertThat(p.get(3).getArray().getFloat(0)).isCloseTo(0.9f + 0.1f * 14 / 3, within(1e-6f));
            // the output is normalised with the biased batch variance and eps 1e-5
            float expectedFirst = (float) ((1 - 3) / Math.sqrt(3.5 + 1e-5));
            assertThat(y.toFloatArray()[0]).isCloseTo(expectedFirst, within(1e-5f));
        }
    }
}
