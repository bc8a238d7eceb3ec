package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Split;
import dev.arraysweep.worker.spec.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A few epochs of a tiny model on synthetic data with every sampling stage switched on, through the real
 * engine: the tensor side of the strategies (rows with repeats, reused kept tensors, loss weights, step
 * losses read back for scores) runs where the index-only tests cannot reach.
 */
class SampledTrainingTest {
    private static Split split(int n, int channels, long seed) {
        Random rng = new Random(seed);
        int size = channels * 32 * 32;
        float[] images = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < size; p++) {
                images[i * size + p] = rng.nextFloat() * 0.2f;
            }
            images[i * size + labels[i] * 7] = 1f; // one bright pixel per class: learnable
        }
        return new Split(images, labels);
    }

    private static List<EpochResult> train(Dataset data, Object... keyValues) throws Exception {
        Map<String, Object> raw = new HashMap<>(
                Map.of("model", "fcnet16", "epochs", 3, "batch_size", 16, "learning_rate", 0.1, "device", "cpu"));
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        raw.put("dataset", data.name());
        List<EpochResult> epochs = new ArrayList<>();
        try (Trainer trainer = new Trainer(RunSpec.from(Params.normalize(raw)), data, Device.cpu())) {
            assertThat(trainer.train(epochs::add, () -> false)).isTrue();
        }
        return epochs;
    }

    @Test
    void everyStageTogether_onMnistShapedData() throws Exception {
        Dataset data = new Dataset("mnist", 1, 32, 32, 10, split(96, 1, 1), split(20, 1, 2));
        List<EpochResult> epochs = train(
                data,
                "epoch_filtering",
                true,
                "batch_filtering",
                true,
                "accumulation_batch_size",
                32,
                "overflow",
                "carry",
                "selector",
                "q-split",
                "k",
                8,
                "empty_fallback",
                "random",
                "sampler",
                "importance",
                "warmup_epochs",
                1,
                "replacement",
                true,
                "samples_per_epoch",
                64);
        assertThat(epochs).hasSize(3);
        for (EpochResult e : epochs) {
            assertThat(e.sampler().steps())
                    .as("epoch %d: a filter step or the fallback step", e.epoch())
                    .isPositive();
            assertThat(e.sampler().rawForwarded()).isPositive();
            assertThat(e.test().losses().mean()).isFinite();
        }
    }

    @Test
    void reusedAugmentedTensors_topK_andWeightedSampling_onCifarShapedData() throws Exception {
        Dataset data = new Dataset("cifar10", 3, 32, 32, 10, split(64, 3, 3), split(20, 3, 4));
        List<EpochResult> epochs = train(
                data,
                "augmentation",
                true,
                "epoch_filtering",
                true,
                "batch_filtering",
                false,
                "epoch_filter_augmentation",
                "reuse",
                "selector",
                "top-k",
                "k",
                4,
                "sampler",
                "weighted",
                "class_weights",
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 9),
                "samples_per_epoch",
                48);
        assertThat(epochs).hasSize(3);
        assertThat(epochs.get(0).sampler().rawForwarded()).isGreaterThanOrEqualTo(48);
        assertThat(epochs.get(0).sampler().trained())
                .isEqualTo(4 * epochs.get(0).sampler().steps());

        // seed 003's draws with replacement: more draws than samples, repeats through the filter and selector
        List<EpochResult> drawn = train(
                data,
                "augmentation",
                true,
                "epoch_filtering",
                true,
                "batch_filtering",
                false,
                "epoch_filter_augmentation",
                "reuse",
                "selector",
                "top-k",
                "k",
                4,
                "sampler",
                "weighted",
                "class_weights",
                List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 9),
                "replacement",
                true,
                "samples_per_epoch",
                96);
        assertThat(drawn).hasSize(3);
        assertThat(drawn.get(0).sampler().rawForwarded()).isGreaterThanOrEqualTo(96);
        assertThat(drawn.get(2).test().losses().mean()).isFinite();
    }
}
