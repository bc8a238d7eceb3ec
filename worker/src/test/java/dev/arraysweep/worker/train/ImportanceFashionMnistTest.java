package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Datasets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2, trimmed to seconds: seed 002's settings (SGD lr 0.01, momentum 0.9, weight decay 0.0005,
 * batch 64, one warm-up epoch) on 3,000 Fashion-MNIST samples for 3 epochs train without diverging under the
 * Horvitz-Thompson weights and end within {@link #TOLERANCE} of the uniform twin. The 10-epoch measurement on 12,000
 * samples, fcnet100 and lenet, is in the README.
 */
class ImportanceFashionMnistTest {
    /**
     * How far below uniform a run may end. After only 3 epochs the sampled order costs points: measured here,
     * last-loss 0.763 against uniform 0.816 (with every sample drawn once, the weights are all 1 and only the
     * order differs); after 10 epochs on 12,000 samples the gap closes (README).
     */
    private static final double TOLERANCE = 0.08;

    private static Dataset data;
    private static double uniform;

    private static Map<String, Object> params(Map<String, Object> sampler) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "model",
                "fcnet100",
                "epochs",
                3,
                "batch_size",
                64,
                "learning_rate",
                0.01,
                "momentum",
                0.9,
                "weight_decay",
                0.0005,
                "seed",
                0));
        p.putAll(sampler);
        return p;
    }

    private static List<EpochResult> train(Map<String, Object> sampler) {
        List<EpochResult> epochs = new ArrayList<>();
        try (Trainer t = new Trainer(TrainerTest.spec(params(sampler)), data, Device.cpu())) {
            assertThat(t.train(epochs::add, () -> false)).isTrue(); // a divergence would throw
        }
        return epochs;
    }

    @BeforeAll
    static void uniformTwin() {
        data = Datasets.load("fashion-mnist", Require.fashionMnist()).limit(3000, 1000);
        uniform = train(Map.of()).get(2).test().accuracy();
        assertThat(uniform).isGreaterThan(0.7);
    }

    @Test
    void lastLoss_everySampleOnce_staysWithinAFewPointsOfUniform() {
        List<EpochResult> epochs = train(Map.of("sampler", "importance", "score", "last-loss", "warmup_epochs", 1));
        assertThat(epochs).allSatisfy(e -> assertThat(e.test().losses().worst()).isFinite());
        assertThat(epochs.get(2).test().accuracy()).isGreaterThan(uniform - TOLERANCE);
    }

    @Test
    void runningLoss_sixtyPercentPerEpoch_staysWithinAFewPointsOfUniform() {
        // seed 002 appendix A draws 30,000 of 50,000 for the running loss: 1,800 of 3,000 here
        List<EpochResult> epochs = train(Map.of(
                "sampler",
                "importance",
                "score",
                "running-loss",
                "beta",
                0.2,
                "warmup_epochs",
                1,
                "samples_per_epoch",
                1800));
        assertThat(epochs).allSatisfy(e -> assertThat(e.test().losses().worst()).isFinite());
        assertThat(epochs.get(2).test().accuracy()).isGreaterThan(uniform - TOLERANCE);
    }
}
