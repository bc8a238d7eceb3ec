package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.SamplingStrategy;
import dev.arraysweep.worker.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The batch filter's selection forward, run as a real run composes it (trainer, device data, batch filter), and
 * what it does to ResNet18's BatchNorm running statistics: nothing in {@code filter_mode: eval}; in
 * {@code filter_mode: train} exactly PyTorch's momentum update, {@code running = 0.9 running + 0.1 batch},
 * with the unbiased batch variance, checked on the stem's BatchNorm against a convolution computed by hand.
 */
class SelectionForwardBatchNormTest {
    private static final int RAW_BATCH = 4;
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7};

    /** What one selection step saw and left behind. */
    private record Selection(
            List<Parameter> runningStats,
            List<float[]> before,
            List<float[]> after,
            float[] input,
            float[] stemWeight,
            Shape stemShape) {}

    private static Selection selectOnce(String filterMode) {
        // soft filter with margin 0.99: an untrained net's top-2 margins are far smaller, so every sample is
        // accepted and the step is exactly the first raw batch, judged by one forward
        RunSpec spec = TrainerTest.spec(Map.of(
                "model",
                "resnet18",
                "epochs",
                1,
                "batch_size",
                RAW_BATCH,
                "batch_filtering",
                true,
                "accumulation_batch_size",
                RAW_BATCH,
                "filter_kind",
                "soft",
                "margin",
                0.99,
                "filter_mode",
                filterMode));
        try (Trainer trainer = new Trainer(spec, TrainerTest.toyData(ORDER.length, 4), Device.cpu())) {
            DeviceData source = (DeviceData) trainer.trainData();
            SamplingStrategy strategy = Factories.strategy(spec);
            List<Parameter> all = trainer.block().getParameters().values();
            List<Parameter> stats = new ArrayList<>();
            for (Parameter p : all) {
                if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                    stats.add(p);
                }
            }
            List<float[]> before = read(stats);

            source.useOrder(ORDER);
            strategy.startEpoch(0, ORDER, source);
            Batch step = strategy.nextStep(source);
            assertThat(step.indices()).containsExactly(0, 1, 2, 3);
            assertThat(strategy.endEpoch().rawForwarded()).as("samples judged").isEqualTo(RAW_BATCH);
            source.release(step);
            List<float[]> after = read(stats);

            Batch raw = source.fetch(new int[] {0, 1, 2, 3});
            float[] input = raw.x().toFloatArray();
            source.release(raw);
            Parameter stem = all.get(0);
            return new Selection(
                    stats,
                    before,
                    after,
                    input,
                    stem.getArray().toFloatArray(),
                    stem.getArray().getShape());
        }
    }

    @Test
    void evalMode_leavesEveryRunningStatisticUnchanged() {
        Selection s = selectOnce("eval");
        assertThat(s.runningStats()).hasSize(2 * 20); // stem, 16 in the blocks, 3 shortcuts
        for (int i = 0; i < s.before().size(); i++) {
            assertThat(s.after().get(i))
                    .as(s.runningStats().get(i).getName())
                    .containsExactly(s.before().get(i));
        }
    }

    @Test
    void trainMode_movesRunningStatisticsByPyTorchsMomentumUpdate() {
        Selection s = selectOnce("train");
        assertThat(s.stemShape()).isEqualTo(new Shape(64, 1, 3, 3));
        double[][] stats = channelStats(conv3x3(s.input(), RAW_BATCH, s.stemWeight(), 64), RAW_BATCH, 64);
        float[] mean = s.after().get(0);
        float[] var = s.after().get(1);
        for (int c = 0; c < 64; c++) {
            // initial running mean 0 and variance 1
            assertThat((double) mean[c]).as("running mean %d", c).isCloseTo(0.1 * stats[0][c], within(1e-6));
            assertThat((double) var[c])
                    .as("running var %d", c)
                    .isCloseTo(0.9 + 0.1 * stats[1][c], within(1e-6 * (0.9 + 0.1 * stats[1][c])));
        }
        // PyTorch keeps the unbiased variance: the biased one (n = 4 * 32 * 32 values, factor (n-1)/n) would miss
        double n = RAW_BATCH * 32 * 32;
        double worstIfBiased = 0;
        for (int c = 0; c < 64; c++) {
            worstIfBiased = Math.max(worstIfBiased, Math.abs(var[c] - (0.9 + 0.1 * stats[1][c] * (n - 1) / n)));
        }
        assertThat(worstIfBiased).isGreaterThan(5e-6);
        for (int i = 0; i < s.before().size(); i++) {
            assertThat(s.after().get(i))
                    .as("%s moved", s.runningStats().get(i).getName())
                    .isNotEqualTo(s.before().get(i));
        }
    }

    /** {@return the 3x3, stride 1, padding 1 convolution without bias of a (n, 1, 32, 32) batch, as (n, out, 32, 32)} */
    private static double[] conv3x3(float[] x, int n, float[] w, int out) {
        int side = 32;
        double[] y = new double[n * out * side * side];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        double sum = 0;
                        for (int kr = 0; kr < 3; kr++) {
                            for (int kc = 0; kc < 3; kc++) {
                                int rr = r + kr - 1;
                                int cc = c + kc - 1;
                                if (rr >= 0 && rr < side && cc >= 0 && cc < side) {
                                    sum += w[o * 9 + kr * 3 + kc] * x[b * side * side + rr * side + cc];
                                }
                            }
                        }
                        y[((b * out + o) * side + r) * side + c] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** {@return per channel of a (n, channels, 32, 32) tensor: {mean, unbiased variance}} */
    private static double[][] channelStats(double[] y, int n, int channels) {
        int plane = 32 * 32;
        double[] mean = new double[channels];
        double[] var = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                for (int p = 0; p < plane; p++) {
                    sum += y[(b * channels + c) * plane + p];
                }
            }
            mean[c] = sum / (n * plane);
            double sq = 0;
            for (int b = 0; b < n; b++) {
                for (int p = 0; p < plane; p++) {
                    double d = y[(b * channels + c) * plane + p] - mean[c];
                    sq += d * d;
                }
            }
            var[c] = sq / (n * plane - 1);
        }
        return new double[][] {mean, var};
    }

    private static List<float[]> read(List<Parameter> parameters) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : parameters) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }
}
