package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Split;
import dev.arraysweep.worker.data.Subset;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.sampling.Archetype;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.StatelessDecorator;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.spec.SubsetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** A learnable toy problem: class c has a bright 4x4 square at a position that depends on c. */
    static Dataset toyData(int train, int test) {
        return toyData(train, test, 0.2f, 1f);
    }

    /**
     * {@return the toy problem with background pixels uniform in [0, {@code noise}) and squares of {@code square}}
     * A square as bright as the noise makes a harder problem, on which the test loss rises again.
     */
    static Dataset toyData(int train, int test, float noise, float square) {
        return new Dataset(
                "fashion-mnist", 1, 32, 32, 10, split(train, 1, noise, square), split(test, 2, noise, square));
    }

    private static Split split(int n, long seed, float noise, float square) {
        Random rnd = new Random(seed);
        float[] x = new float[n * 32 * 32];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            y[i] = c;
            for (int p = 0; p < 32 * 32; p++) {
                x[i * 1024 + p] = rnd.nextFloat() * noise;
            }
            int r0 = 2 + (c / 5) * 14;
            int c0 = 2 + (c % 5) * 6;
            for (int r = r0; r < r0 + 4; r++) {
                for (int k = c0; k < c0 + 4; k++) {
                    x[i * 1024 + r * 32 + k] = square;
                }
            }
        }
        return new Split(x, y);
    }

    static RunSpec spec(Map<String, Object> overrides) {
        Map<String, Object> raw = new HashMap<>(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet32",
                "epochs",
                3,
                "batch_size",
                16,
                "learning_rate",
                0.05,
                "batch_filtering",
                false,
                "seed",
                7));
        raw.putAll(overrides);
        try {
            return RunSpec.from(Params.normalize(raw));
        } catch (dev.arraysweep.db.params.ParamException e) {
            throw new AssertionError(e);
        }
    }

    private static List<EpochResult> train(RunSpec spec, Dataset data) {
        List<EpochResult> results = new ArrayList<>();
        try (Trainer t = new Trainer(spec, data, Device.cpu())) {
            assertThat(t.train(results::add, () -> false)).isTrue();
        }
        return results;
    }

    @Test
    void archetype_learnsTheToyProblem_andReportsEveryEpoch() {
        List<EpochResult> results = train(spec(Map.of()), toyData(200, 100));
        assertThat(results).extracting(EpochResult::epoch).containsExactly(0, 1, 2);
        EpochResult last = results.get(2);
        assertThat(last.test().accuracy()).isGreaterThan(0.9);
        assertThat(last.train().losses().mean())
                .isLessThan(results.get(0).train().losses().mean());
        assertThat(last.sampler().trained()).isEqualTo(200);
        assertThat(last.sampler().steps()).isEqualTo(13);
        assertThat(last.learningRate()).isEqualTo(0.05);
        assertThat(last.test().losses().worst())
                .isGreaterThanOrEqualTo(last.test().losses().q99());
    }

    @Test
    void sameParameters_giveIdenticalMetrics() {
        Dataset data = toyData(120, 40);
        List<EpochResult> a = train(spec(Map.of("batch_filtering", true)), data);
        List<EpochResult> b = train(spec(Map.of("batch_filtering", true)), data);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).test()).isEqualTo(a.get(i).test());
            assertThat(b.get(i).train()).isEqualTo(a.get(i).train());
            // all but the times: the sampled loss too
            assertThat(b.get(i).sampler().withWork(null))
                    .isEqualTo(a.get(i).sampler().withWork(null));
            assertThat(b.get(i).sampler().work().sampledLoss())
                    .isEqualTo(a.get(i).sampler().work().sampledLoss());
        }
    }

    @Test
    void filteredRunAndArchetypeTwin_startFromIdenticalWeights() {
        Dataset data = toyData(40, 20);
        double archetype;
        double filtered;
        try (Trainer t = new Trainer(spec(Map.of()), data, Device.cpu())) {
            archetype = t.parameterChecksum();
        }
        try (Trainer t = new Trainer(spec(Map.of("batch_filtering", true)), data, Device.cpu())) {
            filtered = t.parameterChecksum();
        }
        try (Trainer t = new Trainer(spec(Map.of("seed", 8)), data, Device.cpu())) {
            assertThat(t.parameterChecksum()).isNotEqualTo(archetype);
        }
        assertThat(filtered).isEqualTo(archetype);
        TrainingState x = new TrainingState(7);
        TrainingState y = new TrainingState(7);
        assertThat(x.shuffle(50)).containsExactly(y.shuffle(50));
    }

    @Test
    void batchFiltering_trainsInFullStepsOnly_andCountsWhatItForwarded() {
        List<EpochResult> results = train(spec(Map.of("batch_filtering", true, "epochs", 4)), toyData(200, 50));
        for (EpochResult r : results) {
            assertThat(r.sampler().rawForwarded()).isEqualTo(200);
            assertThat(r.sampler().trained()).isEqualTo(16L * r.sampler().steps());
            assertThat(r.sampler().accepted()).isLessThanOrEqualTo(200);
        }
        // as the model learns, fewer samples are misclassified and accepted
        assertThat(results.get(3).sampler().acceptanceRatio())
                .isLessThan(results.get(0).sampler().acceptanceRatio());
    }

    @Test
    void stepSizes_areThoseOfTheEpochsSmallestAndLargestSteps() {
        Dataset data = toyData(200, 20);
        // the archetype: 200 samples in steps of 16 are twelve full steps and one of 8
        EpochResult archetype = train(spec(Map.of("epochs", 1)), data).get(0);
        assertThat(archetype.sampler().minStepSize()).isEqualTo(8L);
        assertThat(archetype.sampler().maxStepSize()).isEqualTo(16L);
        // Alg. 9: a step per raw batch of 16 that accepted something, of the samples it accepted
        for (EpochResult r : train(spec(Map.of("epochs", 2, "batch_filtering", true, "batch_mode", "vary")), data)) {
            SamplerFigures f = r.sampler();
            assertThat(f.rawForwarded()).isEqualTo(200);
            assertThat(f.trained()).isEqualTo(f.accepted());
            assertThat(f.overflowDiscarded()).isZero();
            assertThat(f.steps()).isBetween(1L, 13L);
            assertThat(f.minStepSize()).isBetween(1L, 16L);
            assertThat(f.maxStepSize()).isBetween(f.minStepSize(), 16L);
            assertThat((double) f.trained() / f.steps()).isBetween((double) f.minStepSize(), (double) f.maxStepSize());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "archetype",
                "carry",
                "selector",
                "rank-decay",
                "top-up",
                "vary",
                "soft-thesis",
                "weighted-replacement",
                "per-class",
                "train-subset-weighted",
                "early-stop",
                "keep-best",
                "importance"
            })
    void runStoppedMidEpochAndResumed_endsWithTheSameMetrics(
            String kind, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Map<String, Object> params =
                switch (kind) {
                    case "archetype" -> Map.of("epochs", 3);
                        // stopped in epoch 1, drawing 100 of 160 without replacement: Horvitz-Thompson weights
                    case "importance" -> Map.of(
                            "epochs", 3, "sampler", "importance", "warmup_epochs", 1, "samples_per_epoch", 100);
                    case "carry" -> Map.of(
                            "epochs", 3, "batch_filtering", true, "overflow", "carry", "accumulation_batch_size", 24);
                        // stops two epochs after its best test loss, training the train split's evaluation
                        // every third epoch and on the last
                    case "early-stop" -> Map.of("epochs", 8, "early_stopping_patience", 2, "eval_train_every", 3);
                        // the best test loss so far, carried by the checkpoint (KeepBestTest compares the files)
                    case "keep-best" -> Map.of("epochs", 8, "keep_best", "test-loss");
                        // Alg. 9: each raw batch trains on what it accepted
                    case "vary" -> Map.of(
                            "epochs", 3, "batch_filtering", true, "batch_mode", "vary", "accumulation_batch_size", 24);
                        // Alg. 6: top-k of the misclassified plus every marginal sample of each step's pool
                    case "soft-thesis" -> Map.of(
                            "epochs",
                            3,
                            "batch_filtering",
                            true,
                            "accumulation_batch_size",
                            24,
                            "filter_kind",
                            "soft",
                            "margin",
                            0.3,
                            "selector",
                            "top-k",
                            "k",
                            4,
                            "soft_top_k",
                            "thesis");
                        // seed 003: 100 independent weighted draws per epoch, 7 steps
                    case "weighted-replacement" -> Map.of(
                            "epochs",
                            3,
                            "sampler",
                            "weighted",
                            "class_weights",
                            List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100),
                            "replacement",
                            true,
                            "samples_per_epoch",
                            100);
                        // thesis 5.4: 12 samples of each of the first 5 classes, 4 steps; chosen again on resume
                    case "per-class" -> Map.of("epochs", 3, "classes", 5, "per_class", 12);
                    case "train-subset-weighted" -> Map.of(
                            "epochs",
                            3,
                            "train_subset",
                            50,
                            "sampler",
                            "weighted",
                            "class_weights",
                            List.of(1, 1, 1, 1, 1, 10, 10, 10, 10, 10),
                            "replacement",
                            true);
                        // the selector reuses the batch filter's losses; samples waiting across an epoch keep theirs
                    case "rank-decay" -> Map.of(
                            "epochs",
                            3,
                            "selector",
                            "loss-weighted",
                            "k",
                            8,
                            "loss_weighting",
                            "rank",
                            "power_decay",
                            "linear",
                            "final_power",
                            0.25);
                        // the epoch filter's last mini-batch is short: filled with random samples
                    case "top-up" -> Map.of("epochs", 3, "epoch_filtering", true, "empty_fallback", "top-up");
                    default -> Map.of(
                            "epochs",
                            3,
                            "batch_filtering",
                            true,
                            "accumulation_batch_size",
                            24,
                            "selector",
                            "top-k",
                            "k",
                            8);
                };
        Dataset data = toyData(160, 40);
        List<EpochResult> straight = new ArrayList<>();
        java.util.Optional<EarlyStop> straightStop;
        java.util.Optional<Integer> straightBest;
        try (Trainer t = new Trainer(spec(params), runData(spec(params), data), Device.cpu())) {
            assertThat(t.train(straight::add, () -> false)).isTrue();
            straightStop = t.earlyStop();
            straightBest = t.bestEpoch();
        }
        assertThat(straightBest.isPresent()).isEqualTo(kind.equals("keep-best"));
        assertThat(straightStop.isPresent()).isEqualTo(kind.equals("early-stop"));
        // asks per epoch: one after each step and one after the epoch; stop a couple of steps into epoch 2
        int stopAsk =
                switch (kind) {
                    case "archetype", "rank-decay", "importance" -> 14;
                    case "weighted-replacement" -> 10; // 7 steps + 1 per epoch: after step 2 of epoch 2
                    case "per-class", "train-subset-weighted" -> 7; // 4 steps + 1 per epoch: after step 2
                        // 10 steps + 1 per epoch: after step 2 of epoch 3, past the best epoch of the toy's test loss
                    case "early-stop", "keep-best" -> 35;
                    default -> 4;
                };
        if (kind.equals("top-up")) {
            assertThat(straight)
                    .as("every step full, some of it random")
                    .allMatch(r -> r.sampler().trained() == 16 * r.sampler().steps())
                    .anyMatch(r -> r.sampler().trained() > r.sampler().accepted());
        }

        List<EpochResult> resumed = new ArrayList<>();
        int[] steps = {0};
        int stoppedAt;
        try (Trainer t = new Trainer(spec(params), runData(spec(params), data), Device.cpu())) {
            boolean finished = t.train(resumed::add, () -> ++steps[0] == stopAsk);
            assertThat(finished).isFalse();
            stoppedAt = t.stepsIntoEpoch();
            t.saveCheckpoint(dir, "h");
        }
        assertThat(resumed).hasSizeLessThan(straight.size());
        int interruptedAfter = resumed.size();
        if (kind.equals("archetype")) {
            // asked after each of the 10 steps of an epoch and once after the epoch: the 14th ask follows step 3
            assertThat(stoppedAt).isEqualTo(3);
        } else if (stopAsk != 4 && stopAsk != 14) {
            assertThat(stoppedAt).isEqualTo(2);
        }
        if (kind.equals("per-class")) {
            assertThat(straight.get(0).sampler().trained()).isEqualTo(60);
            assertThat(straight.get(0).sampler().steps()).isEqualTo(4);
        }
        try (Trainer t = new Trainer(spec(params), runData(spec(params), data), Device.cpu())) {
            assertThat(t.resumeFrom(dir, "h")).isEqualTo(resumed.size());
            assertThat(t.stepsIntoEpoch()).as("steps into the epoch, restored").isEqualTo(stoppedAt);
            assertThat(t.train(resumed::add, () -> false)).isTrue();
            assertThat(t.earlyStop()).isEqualTo(straightStop);
            assertThat(t.bestEpoch()).isEqualTo(straightBest);
        }
        if (kind.equals("early-stop")) {
            int best = bestLossEpoch(straight);
            assertThat(straight).as("stopped early").hasSizeLessThan(8);
            assertThat(straight.size() - 1)
                    .as("the stop, patience epochs after the best")
                    .isEqualTo(best + 2);
            assertThat(interruptedAfter).as("interrupted after the best epoch").isGreaterThan(best);
            assertThat(straight.get(straight.size() - 1).train())
                    .as("the train split is evaluated on the last epoch trained")
                    .isNotNull();
        }
        assertThat(resumed).hasSameSizeAs(straight);
        for (int i = 0; i < straight.size(); i++) {
            assertThat(resumed.get(i).test())
                    .as("epoch %d test", i)
                    .isEqualTo(straight.get(i).test());
            assertThat(resumed.get(i).train())
                    .as("epoch %d train", i)
                    .isEqualTo(straight.get(i).train());
            // times differ between runs; everything else, the importance figures included, is exact
            assertThat(resumed.get(i).sampler().withWork(null))
                    .as("epoch %d sampler", i)
                    .isEqualTo(straight.get(i).sampler().withWork(null));
            assertThat(resumed.get(i).sampler().work().sampledLoss())
                    .as("epoch %d sampled loss", i)
                    .isEqualTo(straight.get(i).sampler().work().sampledLoss());
            assertThat(resumed.get(i).sampler().importance() != null)
                    .as("epoch %d importance figures", i)
                    .isEqualTo(kind.equals("importance"));
        }
    }

    /** Plain batches in order, reading every step's per-sample losses as the trainer hands them over. */
    private static final class RecordingStrategy extends StatelessDecorator {
        final List<Double> stepMeans = new ArrayList<>();

        RecordingStrategy(int batchSize) {
            super(new Archetype(batchSize));
        }

        @Override
        public boolean wantsStepLosses() {
            return true;
        }

        @Override
        public void afterStep(Batch batch, float[] losses) {
            double sum = 0;
            for (float l : losses) {
                sum += l;
            }
            stepMeans.add(sum / losses.length);
        }
    }

    @Test
    void sampledLoss_isTheMeanOfTheStepLosses_andTheTimeSplitFitsTheEpoch() {
        // 160 samples in steps of 16: 10 equal steps, each minimising the plain mean of its losses
        RunSpec spec = spec(Map.of("epochs", 2));
        RecordingStrategy recording = new RecordingStrategy(16);
        List<EpochResult> results = new ArrayList<>();
        try (Trainer t = new Trainer(spec, toyData(160, 40), Device.cpu(), recording)) {
            assertThat(t.train(results::add, () -> false)).isTrue();
        }
        assertThat(recording.stepMeans).hasSize(20);
        for (EpochResult r : results) {
            var w = r.sampler().work();
            double expected = recording.stepMeans.subList(10 * r.epoch(), 10 * r.epoch() + 10).stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            assertThat(w.sampledLoss()).as("epoch %d", r.epoch()).isCloseTo(expected, within(1e-6));
            assertThat(w.trainSeconds()).isPositive();
            assertThat(w.samplingSeconds()).isPositive();
            assertThat(w.evalSeconds()).isPositive();
            assertThat(w.trainSeconds() + w.samplingSeconds()).isLessThanOrEqualTo(r.epochSeconds());
            assertThat(r.sampler().importance()).as("no importance sampler").isNull();
        }
        assertThat(results.get(1).sampler().work().sampledLoss())
                .as("it learns")
                .isLessThan(results.get(0).sampler().work().sampledLoss());
    }

    /** {@return the first epoch with the lowest test mean loss} */
    private static int bestLossEpoch(List<EpochResult> results) {
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).test().losses().mean()
                    < results.get(best).test().losses().mean()) {
                best = i;
            }
        }
        return best;
    }

    /**
     * With {@code classes: 5} the model has 5 outputs (fcnet32: 1024*32 + 32 + 32*5 + 5 = 32,965 parameters, not
     * the 33,130 of 10 classes) and learns the toy problem's first 5 classes, tested on their test images only.
     */
    @Test
    void runOnTheFirstClasses_hasAModelOfThoseClasses_andLearnsThem() {
        RunSpec spec = spec(Map.of("classes", 5, "per_class", 12));
        Dataset data = runData(spec, toyData(200, 100));
        assertThat(data.numClasses()).isEqualTo(5);
        assertThat(data.test().labels()).hasSize(50).containsOnly(0, 1, 2, 3, 4);
        try (Trainer t = new Trainer(spec, data, Device.cpu())) {
            assertThat(Models.trainableParameterCount(t.block())).isEqualTo(32_965);
        }
        List<EpochResult> results = train(spec, data);
        assertThat(results.get(2).sampler().trained()).isEqualTo(60);
        assertThat(results.get(2).test().accuracy()).isGreaterThan(0.9);
    }

    /** {@return the part of {@code data} the run uses, chosen as the worker chooses it (TaskRunner)} */
    private static Dataset runData(RunSpec spec, Dataset data) {
        SubsetSpec s = spec.data().subset();
        return s.isPart()
                ? data.select(Subset.choose(data, s.classes(), s.perClass(), s.trainSubset(), s.seed()))
                : data;
    }

    @Test
    void checkpointOfOtherParameters_isRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Dataset data = toyData(40, 20);
        try (Trainer t = new Trainer(spec(Map.of("epochs", 1)), data, Device.cpu())) {
            t.saveCheckpoint(dir, "aaaa");
        }
        try (Trainer t = new Trainer(spec(Map.of("epochs", 1)), data, Device.cpu())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.resumeFrom(dir, "bbbb"))
                    .hasMessageContaining("belongs to parameters aaaa")
                    .hasMessageContaining("delete it");
        }
    }
}
