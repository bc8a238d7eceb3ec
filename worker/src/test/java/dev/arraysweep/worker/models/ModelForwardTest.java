package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelForwardTest {

    @ParameterizedTest(name = "{0} maps 2 images of {1}x32x32 to 2 x {2} logits")
    @CsvSource({
        "lenet, 1, 10",
        "lenet, 3, 10",
        "fcnet7, 1, 10",
        "fcnet100, 3, 100",
        "resnet18, 3, 10",
        "dla, 3, 10",
        "simpledla, 1, 10",
    })
    void forward_givesOneRowOfLogitsPerImage(String name, int channels, int classes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build(name, channels, classes);
            Models.initialize(block, manager, Models.inputShape(channels), 7);
            NDArray x = manager.randomUniform(0, 1, new Shape(2, channels, 32, 32));

            NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), true)
                    .head();

            assertThat(logits.getShape()).isEqualTo(new Shape(2, classes));
            assertThat(block.getOutputShapes(new Shape[] {x.getShape()})).containsExactly(new Shape(2, classes));
            assertThat(logits.isInfinite().any().getBoolean()
                            || logits.isNaN().any().getBoolean())
                    .isFalse();
        }
    }

    /** Small images keep this fast; the pooled models accept any side that survives their strides. */
    @ParameterizedTest(name = "backward through {0} on {1}x{1} images reaches every trainable parameter")
    @CsvSource({"dla, 8", "simpledla, 8", "resnet18, 8", "lenet, 32", "fcnet5, 32"})
    void backward_reachesEveryTrainableParameter(String name, int side) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build(name, 3, 10);
            Shape input = new Shape(2, 3, side, side);
            Models.initialize(block, manager, input, 11);
            NDArray x = manager.randomUniform(0, 1, input);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = block.forward(new ParameterStore(manager, false), new NDList(x), true)
                        .head();
                collector.backward(logits.logSoftmax(1).get(":, 0").sum().neg());
            }

            for (Parameter parameter : block.getParameters().values()) {
                if (parameter.requiresGradient()) {
                    assertThat(parameter.getArray().getGradient().abs().sum().getFloat())
                            .as("gradient of %s", parameter.getName())
                            .isPositive();
                }
            }
        }
    }
}
