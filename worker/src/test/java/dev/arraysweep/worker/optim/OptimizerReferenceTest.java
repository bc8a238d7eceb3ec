package dev.arraysweep.worker.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arraysweep.worker.testing.ManagedArraysTest;
import dev.arraysweep.worker.testing.PytorchReference;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Trajectories of 4 steps, learning rate changed before step 3, against torch.optim. */
class OptimizerReferenceTest extends ManagedArraysTest {

    private static final JsonNode OPTIMIZERS = PytorchReference.section("optimizers");

    static Stream<JsonNode> runs() {
        return StreamSupport.stream(OPTIMIZERS.get("runs").spliterator(), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void float32Trajectory_matchesPytorchWithin1e6(JsonNode run) {
        assertTrajectory(run, DataType.FLOAT32, 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void float64Trajectory_matchesPytorchToThePrintedDigits(JsonNode run) {
        assertTrajectory(run, DataType.FLOAT64, 2e-12);
    }

    private void assertTrajectory(JsonNode run, DataType type, double tolerance) {
        Parameter param =
                OptimizerFixtures.parameter(manager, PytorchReference.doubles(OPTIMIZERS.get("params0")), type);
        double[] rates = PytorchReference.doubles(OPTIMIZERS.get("lr_per_step"));
        try (Optimizer optimizer = fromJson(run)) {
            for (int step = 0; step < rates.length; step++) {
                OptimizerFixtures.setGradient(
                        param, PytorchReference.doubles(OPTIMIZERS.get("grads").get(step)));
                optimizer.step(List.of(param), rates[step]);
                double[] expected = PytorchReference.doubles(
                        run.get("params_after_each_step").get(step));
                assertThat(OptimizerFixtures.values(param))
                        .as("%s after step %d", optimizer, step + 1)
                        .containsExactly(expected, within(tolerance));
            }
        }
    }

    static Optimizer fromJson(JsonNode run) {
        double weightDecay = run.get("weight_decay").asDouble();
        if (run.get("optimizer").asText().equals("sgd")) {
            return new Sgd(run.get("momentum").asDouble(), run.get("nesterov").asBoolean(), weightDecay);
        }
        return new Adam(
                run.get("betas").get(0).asDouble(),
                run.get("betas").get(1).asDouble(),
                run.get("eps").asDouble(),
                weightDecay,
                run.get("amsgrad").asBoolean());
    }
}
