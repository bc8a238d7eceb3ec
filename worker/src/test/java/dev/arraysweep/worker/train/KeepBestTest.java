package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.eval.Evaluator;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.models.ModelFiles;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.spec.DataSpec.Augmentation;
import dev.arraysweep.worker.spec.RunSpec;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code keep_best} on the toy problem of {@link TrainerTest}: the best files hold the epoch whose recorded test
 * metric is best, they evaluate to exactly that epoch's test metrics, and a run stopped and resumed, or extended,
 * ends with the same files, byte for byte.
 */
class KeepBestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BEST_FILES =
            List.of(ModelFiles.BEST_PARAMS, ModelFiles.BEST_SAFETENSORS, ModelFiles.BEST_JSON);

    @TempDir
    Path dir;

    private static RunSpec spec(String metric, int epochs) {
        return TrainerTest.spec(Map.of("epochs", epochs, "keep_best", metric, "learning_rate", 0.1));
    }

    /**
     * The toy with squares no brighter than its noise: in 8 epochs its test loss is lowest at epoch 5 and its test
     * accuracy reaches its top at epoch 1 and equals it again later (the tests compute both from the results).
     */
    private static Dataset data() {
        return TrainerTest.toyData(160, 40, 1f, 0.9f);
    }

    /** A run's epochs, and the epochs at which it wrote the best files. */
    private record Trained(List<EpochResult> epochs, List<Integer> written) {}

    /**
     * Trains {@code trainer} from where it stands, keeping the best files in {@code models}, until the end or until
     * {@code stop}; {@return whether it finished}
     */
    private static boolean train(Trainer trainer, Path models, Trained into, BooleanSupplier stop) {
        return trainer.train(
                r -> {
                    into.epochs().add(r);
                    if (trainer.keepIfBest(r.epoch(), models)) {
                        into.written().add(r.epoch());
                    }
                },
                stop);
    }

    private static Trained straight(RunSpec spec, Path models) {
        Trained t = new Trained(new ArrayList<>(), new ArrayList<>());
        try (Trainer trainer = new Trainer(spec, data(), Device.cpu())) {
            assertThat(train(trainer, models, t, () -> false)).isTrue();
        }
        return t;
    }

    /** {@return the epochs whose value is strictly better than every earlier one's (the first always is)} */
    private static List<Integer> records(
            List<EpochResult> epochs, ToDoubleFunction<SplitMetrics> metric, boolean lower) {
        List<Integer> out = new ArrayList<>();
        double best = Double.NaN;
        for (EpochResult r : epochs) {
            double v = metric.applyAsDouble(r.test());
            if (out.isEmpty() || (lower ? v < best : v > best)) {
                out.add(r.epoch());
                best = v;
            }
        }
        return out;
    }

    @Test
    void bestTestLoss_filesHoldThatEpoch_andEvaluateToItsRecordedTestMetrics() throws Exception {
        Trained run = straight(spec("test-loss", 8), dir);
        List<Integer> expected = records(run.epochs(), m -> m.losses().mean(), true);
        int best = expected.get(expected.size() - 1);
        assertThat(best)
                .as("the toy's best test loss comes before its last epoch")
                .isLessThan(7);
        assertThat(run.written()).as("written as each better epoch ended").isEqualTo(expected);

        JsonNode json = JSON.readTree(dir.resolve(ModelFiles.BEST_JSON).toFile());
        assertThat(json.get("epoch").asInt()).isEqualTo(best);
        assertThat(json.get("metric").asText()).isEqualTo("test-loss");
        assertThat(json.get("value").asDouble())
                .as("the recorded value, exactly")
                .isEqualTo(run.epochs().get(best).test().losses().mean());

        SplitMetrics again = evaluate(dir.resolve(ModelFiles.BEST_PARAMS));
        assertThat(again)
                .as("best.params evaluated again")
                .isEqualTo(run.epochs().get(best).test());
        assertThat(again)
                .as("not the final model")
                .isNotEqualTo(run.epochs().get(7).test());
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrderElementsOf(BEST_FILES);
        }
    }

    @Test
    void bestTestAccuracy_aTieKeepsTheEarlierEpoch() throws Exception {
        Trained run = straight(spec("test-accuracy", 8), dir);
        List<Integer> expected = records(run.epochs(), SplitMetrics::accuracy, false);
        int best = expected.get(expected.size() - 1);
        assertThat(run.written()).isEqualTo(expected);
        double top = run.epochs().get(best).test().accuracy();
        assertThat(run.epochs().subList(0, best)).noneMatch(r -> r.test().accuracy() == top);
        assertThat(run.epochs().stream().filter(r -> r.test().accuracy() == top).count())
                .as("the toy reaches its top accuracy in more than one epoch: a tie")
                .isGreaterThan(1);
        assertThat(JSON.readTree(dir.resolve(ModelFiles.BEST_JSON).toFile())
                        .get("epoch")
                        .asInt())
                .isEqualTo(best);
        assertThat(evaluate(dir.resolve(ModelFiles.BEST_PARAMS)))
                .isEqualTo(run.epochs().get(best).test());
    }

    @Test
    void withoutKeepBest_noBestFileIsWritten() {
        Trained run = straight(TrainerTest.spec(Map.of("epochs", 2)), dir);
        assertThat(run.epochs()).hasSize(2);
        assertThat(run.written()).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    /**
     * Asked once after each of an epoch's 10 steps and once after the epoch: ask 33 ends epoch 2, ask 35 comes two
     * steps into epoch 3. By test loss the resumed run finds better epochs; by test accuracy it only ties the best
     * so far (epoch 1), so a resumed run that forgot it would write epoch 3.
     */
    @ParameterizedTest(name = "{0}, stopped at ask {1}")
    @CsvSource({"test-loss, 33", "test-loss, 35", "test-accuracy, 33", "test-accuracy, 35"})
    void stoppedAndResumed_endsWithTheSameBestFiles_byteForByte(String metric, int stopAsk) throws Exception {
        Path straight = dir.resolve("straight");
        Trained uninterrupted = straight(spec(metric, 8), straight);

        Path models = dir.resolve("resumed");
        Path checkpoints = dir.resolve("checkpoints");
        Trained resumed = new Trained(new ArrayList<>(), new ArrayList<>());
        int[] asks = {0};
        try (Trainer t = new Trainer(spec(metric, 8), data(), Device.cpu())) {
            assertThat(train(t, models, resumed, () -> ++asks[0] == stopAsk)).isFalse();
            assertThat(t.stepsIntoEpoch()).isEqualTo(stopAsk == 33 ? 0 : 2);
            t.saveCheckpoint(checkpoints, "h");
        }
        assertThat(resumed.epochs()).hasSize(3);
        try (Trainer t = new Trainer(spec(metric, 8), data(), Device.cpu())) {
            assertThat(t.resumeFrom(checkpoints, "h")).isEqualTo(3);
            assertThat(t.bestEpoch())
                    .as("the best so far, from the checkpoint")
                    .hasValue(resumed.written().get(resumed.written().size() - 1));
            assertThat(train(t, models, resumed, () -> false)).isTrue();
            assertThat(t.bestEpoch())
                    .hasValue(
                            uninterrupted.written().get(uninterrupted.written().size() - 1));
        }
        assertThat(resumed.written()).isEqualTo(uninterrupted.written());
        assertSameFiles(models, straight);
    }

    @Test
    void extendedRun_continuesFromItsStoredBest_toTheFilesOfAStraightRun() throws Exception {
        Path straight = dir.resolve("straight");
        Trained eight = straight(spec("test-loss", 8), straight);

        // trained 3 epochs, its final state kept, then its epochs raised to 8 (expand extends runs so)
        Path models = dir.resolve("extended");
        Path checkpoints = dir.resolve("checkpoints");
        Trained extended = new Trained(new ArrayList<>(), new ArrayList<>());
        try (Trainer t = new Trainer(spec("test-loss", 3), data(), Device.cpu())) {
            assertThat(train(t, models, extended, () -> false)).isTrue();
            t.saveCheckpoint(checkpoints, "h");
        }
        try (Trainer t = new Trainer(spec("test-loss", 8), data(), Device.cpu())) {
            assertThat(t.resumeFrom(checkpoints, "h")).isEqualTo(3);
            assertThat(train(t, models, extended, () -> false)).isTrue();
        }
        assertThat(extended.written()).isEqualTo(eight.written());
        assertSameFiles(models, straight);
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        for (String file : BEST_FILES) {
            assertThat(Files.readAllBytes(actual.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }

    /** {@return the toy's test metrics of the model in {@code params}, loaded into a fresh fcnet32} */
    private static SplitMetrics evaluate(Path params) throws Exception {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block block = Models.build("fcnet32", 1, 10);
            Models.initialize(block, manager, Models.inputShape(1), 99);
            try (DataInputStream in = new DataInputStream(Files.newInputStream(params))) {
                block.loadParameters(manager, in);
            }
            TensorSet tensors = TensorSet.load(manager, data(), Augmentation.NONE);
            return Evaluator.of(block, 256).evaluate(tensors.testImages(), tensors.testLabels());
        }
    }
}
