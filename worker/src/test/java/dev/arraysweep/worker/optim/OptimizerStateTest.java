package dev.arraysweep.worker.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and restoring optimiser state, zeroed gradients, frozen parameters and memory. */
class OptimizerStateTest extends ManagedArraysTest {

    private static final double[] START = {1.0, -2.0, 0.5, 3.0};
    private static final double[][] GRADS = {
        {0.1, -0.2, 0.3, -0.4}, {0.05, 0.1, -0.15, 0.2}, {-0.3, 0.2, 0.1, 0.0}, {0.2, 0.2, -0.2, -0.2}
    };

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> new Sgd(0.9, true, 5e-4)),
                Arguments.of("adam amsgrad", (Supplier<Optimizer>) () -> Adam.withDefaults(5e-4, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void restoredOptimizer_continuesExactlyLikeTheOriginal(String name, Supplier<Optimizer> factory) {
        Parameter original = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        Parameter resumed;
        byte[] state;
        try (Optimizer first = factory.get()) {
            run(first, original, 0, 2);
            state = first.saveState();
            resumed = OptimizerFixtures.parameter(manager, OptimizerFixtures.values(original), DataType.FLOAT32);
            run(first, original, 2, 4);
        }
        try (Optimizer second = factory.get()) {
            second.restoreState(state);
            assertThat(second.steps()).isEqualTo(2);
            assertThat(second.saveState())
                    .as("state saved before the first step after a restore")
                    .isEqualTo(state);
            run(second, resumed, 2, 4);
            assertThat(second.steps()).isEqualTo(4);
        }
        assertThat(OptimizerFixtures.values(resumed)).containsExactly(OptimizerFixtures.values(original));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void step_zeroesTheGradients(String name, Supplier<Optimizer> factory) {
        Parameter param = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        try (Optimizer optimizer = factory.get()) {
            run(optimizer, param, 0, 1);
        }
        assertThat(OptimizerFixtures.gradient(param)).containsOnly(0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void repeatedSteps_keepTheNumberOfLiveArraysConstant(String name, Supplier<Optimizer> factory) {
        Parameter param = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        try (Optimizer optimizer = factory.get()) {
            run(optimizer, param, 0, 2);
            int live = manager.getManagedArrays().size();
            run(optimizer, param, 2, 4);
            assertThat(manager.getManagedArrays()).hasSize(live);
        }
    }

    @Test
    void parameterWithoutGradient_isLeftAlone() {
        Parameter trained = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        Parameter runningMean = Parameter.builder()
                .setName("running_mean")
                .setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false)
                .optArray(manager.create(new float[] {7f, 8f}))
                .build();
        try (Optimizer optimizer = new Sgd(0.9, false, 0.1)) {
            OptimizerFixtures.setGradient(trained, GRADS[0]);
            optimizer.step(List.of(runningMean, trained), 0.1);
        }
        assertThat(runningMean.getArray().toFloatArray()).containsExactly(7f, 8f);
        assertThat(OptimizerFixtures.values(trained)).isNotEqualTo(START);
    }

    @Test
    void restore_refusesStateOfAnotherOptimizer() {
        byte[] state;
        try (Optimizer sgd = new Sgd(0.9, false, 0)) {
            state = sgd.saveState();
        }
        try (Optimizer adam = Adam.withDefaults(0, false)) {
            assertThatThrownBy(() -> adam.restoreState(state))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("saved by sgd(momentum=0.9")
                    .hasMessageContaining("this optimizer is adam(");
            assertThatThrownBy(() -> adam.restoreState(new byte[] {1, 2, 3}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not optimizer state");
        }
    }

    @Test
    void step_refusesAnotherNumberOfParameters() {
        Parameter a = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        Parameter b = OptimizerFixtures.parameter(manager, START, DataType.FLOAT32);
        try (Optimizer optimizer = new Sgd(0.9, false, 0)) {
            OptimizerFixtures.setGradient(a, GRADS[0]);
            optimizer.step(List.of(a), 0.1);
            OptimizerFixtures.setGradient(a, GRADS[1]);
            OptimizerFixtures.setGradient(b, GRADS[1]);
            assertThatThrownBy(() -> optimizer.step(List.of(a, b), 0.1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("holds 1 trainable parameters but the step was given 2");
        }
    }

    private static void run(Optimizer optimizer, Parameter param, int fromStep, int toStep) {
        double[] rates = {0.1, 0.1, 0.05, 0.05};
        for (int step = fromStep; step < toStep; step++) {
            OptimizerFixtures.setGradient(param, GRADS[step]);
            optimizer.step(List.of(param), rates[step]);
        }
    }
}
