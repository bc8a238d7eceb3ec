package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.spec.BatchFilterSpec;
import dev.arraysweep.worker.spec.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampling strategy a run's parameters build, from raw parameters through normalisation. */
class FactoriesTest {
    @TempDir
    Path dir;

    private static RunSpec spec(Object... keyValues) throws Exception {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return RunSpec.from(Params.normalize(raw));
    }

    private static String strategy(Object... keyValues) throws Exception {
        return Factories.strategy(spec(keyValues)).toString();
    }

    @Test
    void thesisDefaults_areTheBatchFilter_andNoFilterIsTheArchetype() throws Exception {
        assertThat(strategy()).isEqualTo("batch-filter(hard, raw batch 1024, overflow discard, batch 1024)");
        assertThat(strategy("batch_filtering", false)).isEqualTo("mini-batches(1024)");
        assertThat(strategy(
                        "batch_size",
                        128,
                        "accumulation_batch_size",
                        512,
                        "raw_batch",
                        "adaptive",
                        "overflow",
                        "carry"))
                .isEqualTo("batch-filter(hard, adaptive raw batch 512..2048, overflow carry, batch 128)");
    }

    @Test
    void epochAndBatchFilter_shareTheSoftRule_epochFilterFirst() throws Exception {
        assertThat(strategy(
                        "epoch_filtering",
                        true,
                        "filter_kind",
                        "soft",
                        "margin",
                        0.2,
                        "epoch_filter_augmentation",
                        "reuse"))
                .isEqualTo("epoch-filter(soft margin 0.2, reuse) > batch-filter(soft margin 0.2, raw batch 1024,"
                        + " overflow discard, batch 1024)");
        // no augmentation on MNIST: the augmentation choice does not apply and the filter resamples
        assertThat(strategy(
                        "dataset",
                        "mnist",
                        "epoch_filtering",
                        true,
                        "batch_filtering",
                        false,
                        "empty_fallback",
                        "random"))
                .isEqualTo("empty-fallback(random) > epoch-filter(hard, resample) > mini-batches(1024)");
    }

    @Test
    void selectors_aloneOrAfterAFilter_withTheirDefaults() throws Exception {
        assertThat(strategy("batch_filtering", false, "selector", "top-k", "k", 256))
                .isEqualTo("top-k(k=256) > mini-batches(1024)");
        assertThat(strategy("batch_filtering", false, "selector", "top-q"))
                .isEqualTo("top-q(q=0.5) > mini-batches(1024)");
        assertThat(strategy("batch_size", 256, "selector", "q-split", "k", 64))
                .isEqualTo(
                        "q-split(k=64, q=2, power=2.0) > batch-filter(hard, raw batch 256, overflow discard, batch 256,"
                                + " keeping losses)");
        assertThat(strategy("batch_size", 256, "selector", "q-split", "k", 64, "filter_mode", "train"))
                .as("judged in train mode, a loss depends on its batch: the selector judges its pool itself")
                .isEqualTo(
                        "q-split(k=64, q=2, power=2.0) > batch-filter(hard, raw batch 256, overflow discard, batch 256)");
        assertThat(strategy(
                        "batch_filtering", false, "epoch_filtering", true, "selector", "loss-weighted", "power", 1.0))
                .isEqualTo("epoch-filter(hard, resample) > loss-weighted(k=1024, power=1.0) > mini-batches(1024)");
        assertThat(spec("selector", "top-k").selector().k()).isEqualTo(1024);
    }

    @Test
    void rankDensity_decayingPower_andTopUp() throws Exception {
        assertThat(strategy("batch_filtering", false, "selector", "loss-weighted", "k", 64, "loss_weighting", "rank"))
                .isEqualTo("rank-weighted(k=64, power=1.0) > mini-batches(1024)");
        assertThat(strategy(
                        "batch_filtering",
                        false,
                        "epochs",
                        11,
                        "selector",
                        "q-split",
                        "k",
                        64,
                        "power_decay",
                        "exponential",
                        "final_power",
                        0.5))
                .isEqualTo("q-split(k=64, q=2, power=2.0) with exponential power 2.0 -> 0.5 > mini-batches(1024)");
        assertThat(spec("selector", "loss-weighted", "power_decay", "linear", "epochs", 5)
                        .selector()
                        .powers(5)
                        .at(4))
                .isEqualTo(1.0);
        assertThat(strategy(
                        "batch_filtering",
                        false,
                        "epoch_filtering",
                        true,
                        "selector",
                        "top-k",
                        "k",
                        64,
                        "empty_fallback",
                        "top-up"))
                .isEqualTo("empty-fallback(random) > top-up(64) > epoch-filter(hard, resample) > top-k(k=64) >"
                        + " mini-batches(1024)");
        assertThat(strategy("empty_fallback", "top-up"))
                .isEqualTo("empty-fallback(random) > top-up(1024) > batch-filter(hard, raw batch 1024, overflow"
                        + " discard, batch 1024)");
    }

    @Test
    void softTopK_thesisIsAlg6OverTheSoftFiltersPool_pooledIsTheLossSelector() throws Exception {
        assertThat(strategy("batch_size", 256, "filter_kind", "soft", "selector", "top-k", "k", 64))
                .isEqualTo("top-k(k=64) > batch-filter(soft margin 0.1, raw batch 256, overflow discard, batch 256,"
                        + " keeping losses)");
        assertThat(strategy(
                        "batch_size", 256, "filter_kind", "soft", "selector", "top-k", "k", 64, "soft_top_k", "thesis"))
                .as("Alg. 6 judges correctness, margins and losses of its pool itself: the filter keeps no losses")
                .isEqualTo("soft-accuracy-top-k(k=64, marginal: soft margin 0.1) > batch-filter(soft margin 0.1,"
                        + " raw batch 256, overflow discard, batch 256)");
        assertThat(strategy(
                        "batch_filtering",
                        false,
                        "epoch_filtering",
                        true,
                        "dataset",
                        "mnist",
                        "filter_kind",
                        "soft",
                        "margin",
                        0.3,
                        "selector",
                        "top-k",
                        "k",
                        32,
                        "soft_top_k",
                        "thesis"))
                .isEqualTo("epoch-filter(soft margin 0.3, resample) > soft-accuracy-top-k(k=32, marginal: soft margin"
                        + " 0.3) > mini-batches(1024)");
    }

    @Test
    void batchModeVary_isAlg9_withRawBatchesOfTheAccumulationSize() throws Exception {
        assertThat(strategy("batch_size", 128, "batch_mode", "vary"))
                .isEqualTo("varying-batch-filter(hard, raw batch 128)");
        assertThat(strategy(
                        "batch_size",
                        128,
                        "accumulation_batch_size",
                        512,
                        "batch_mode",
                        "vary",
                        "selector",
                        "top-k",
                        "k",
                        64))
                .isEqualTo("top-k(k=64) > varying-batch-filter(hard, raw batch 512, keeping losses)");
        assertThat(spec("batch_mode", "vary").batchFilter().orElseThrow().mode())
                .isEqualTo(BatchFilterSpec.Mode.VARY);
        assertThat(spec().batchFilter().orElseThrow().mode())
                .as("a run without the key, stored before it existed")
                .isEqualTo(BatchFilterSpec.Mode.ACCUMULATE);
    }

    @Test
    void importanceSampling_ofSeed002() throws Exception {
        assertThat(strategy(
                        "batch_filtering",
                        false,
                        "batch_size",
                        128,
                        "sampler",
                        "importance",
                        "score",
                        "running-loss",
                        "warmup_epochs",
                        0,
                        "samples_per_epoch",
                        30000))
                .isEqualTo("importance(running-loss beta 0.2, warm-up 0, 30000 without replacement, horvitz-thompson"
                        + " weights) > mini-batches(128)");
        assertThat(strategy("batch_filtering", false, "sampler", "importance", "replacement", true))
                .isEqualTo("importance(last-loss, warm-up 5, N with replacement, horvitz-thompson weights)"
                        + " > mini-batches(1024)");
        assertThat(strategy(
                        "batch_filtering", false, "sampler", "importance", "importance_weights", "inverse-probability"))
                .isEqualTo("importance(last-loss, warm-up 5, N without replacement, inverse-probability weights)"
                        + " > mini-batches(1024)");
    }

    @Test
    void weightedSampling_fromClassWeightsOrAFile() throws Exception {
        assertThat(strategy(
                        "dataset",
                        "mnist",
                        "batch_filtering",
                        false,
                        "sampler",
                        "weighted",
                        "class_weights",
                        List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 5)))
                .isEqualTo("weighted(class_weights, N per epoch without replacement) > mini-batches(1024)");
        Path file = Files.writeString(dir.resolve("w.txt"), "1\n2\n");
        assertThat(strategy(
                        "dataset",
                        "mnist",
                        "batch_filtering",
                        false,
                        "sampler",
                        "weighted",
                        "weights_file",
                        file.toString(),
                        "samples_per_epoch",
                        1000))
                .isEqualTo(
                        "weighted(weights_file " + file + ", 1000 per epoch without replacement) > mini-batches(1024)");
        assertThat(strategy(
                        "dataset",
                        "mnist",
                        "batch_filtering",
                        false,
                        "sampler",
                        "weighted",
                        "class_weights",
                        List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 5),
                        "replacement",
                        true,
                        "samples_per_epoch",
                        100_000))
                .as("seed 003: every draw with p = w / sum(w), so an epoch may draw more than N")
                .isEqualTo("weighted(class_weights, 100000 per epoch with replacement) > mini-batches(1024)");
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(
                        () -> strategy("dataset", "mnist", "sampler", "weighted", "weights_file", missing.toString()))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining(missing + " does not exist");
    }
}
