package dev.arraysweep.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.ImportanceSampler;
import dev.arraysweep.worker.spec.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One SGD step of importance sampling through the real trainer: the sampler's weights {@code 1/(N p_i)}
 * ({@code importance_weights: inverse-probability}, so that drawing every sample once still weighs them) must
 * reach the loss, so the parameters after the step equal {@code p - lr * grad mean(w_i * loss_i)} computed by
 * hand ({@link FcNetByHand}), and measurably differ from the unweighted step.
 */
class ImportanceWeightedStepTest {
    private static final int N = 8;
    private static final int HIDDEN = 6;
    private static final double LR = 0.5;
    /** Last-loss scores set before the epoch: p = softmax(scores) spans e^3.5, the weights about 0.1 to 3. */
    private static final float[] SCORES = {0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f};

    @Test
    void oneStep_movesParametersByTheGradientOfTheWeightedMeanLoss() {
        RunSpec spec = TrainerTest.spec(Map.of(
                "model",
                "fcnet" + HIDDEN,
                "epochs",
                1,
                "batch_size",
                N,
                "learning_rate",
                LR,
                "optimizer",
                "sgd",
                "momentum",
                0.0,
                "weight_decay",
                0.0,
                "sampler",
                "importance",
                "warmup_epochs",
                0,
                "importance_weights",
                "inverse-probability"));
        Dataset data = TrainerTest.toyData(N, 4);
        ImportanceSampler sampler = (ImportanceSampler) Factories.strategy(spec);
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        List<float[]> before = new ArrayList<>();
        List<float[]> after = new ArrayList<>();
        float[] x;
        List<EpochResult> epochs = new ArrayList<>();
        try (Trainer trainer = new Trainer(spec, data, Device.cpu(), sampler)) {
            // give every sample a known score, as the trainer does after a step (beta 0: score = last loss)
            sampler.startEpoch(0, all, trainer.trainData());
            sampler.afterStep(new Batch(all, null, null, null), SCORES);
            Batch input = trainer.trainData().fetch(all);
            x = input.x().toFloatArray();
            trainer.trainData().release(input);
            trainer.block()
                    .getParameters()
                    .values()
                    .forEach(p -> before.add(p.getArray().toFloatArray()));

            assertThat(trainer.train(epochs::add, () -> false)).isTrue();

            for (Parameter p : trainer.block().getParameters().values()) {
                after.add(p.getArray().toFloatArray());
            }
        }
        assertThat(epochs.get(0).sampler().steps())
                .as("one step over all %d samples", N)
                .isEqualTo(1);

        FcNetByHand net =
                new FcNetByHand(32 * 32, HIDDEN, 10, before.get(0), before.get(1), before.get(2), before.get(3));
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = data.train().labels()[i];
        }
        double[][] weighted = net.gradient(x, labels, importanceWeights());
        double[][] unweighted = net.gradient(x, labels, new double[] {1, 1, 1, 1, 1, 1, 1, 1});

        for (int t = 0; t < 4; t++) {
            double[] expected = scaled(weighted[t], -LR);
            double[] plain = scaled(unweighted[t], -LR);
            double[] actual = difference(after.get(t), before.get(t));
            double size = maxAbs(expected);
            assertThat(size).as("tensor %d moves", t).isGreaterThan(1e-4);
            assertThat(maxAbsDifference(actual, expected))
                    .as("tensor %d: step minus weighted update", t)
                    .isLessThan(1e-5 * size);
            // the check can tell: ignoring the weights would move this tensor visibly differently
            assertThat(maxAbsDifference(plain, expected))
                    .as("tensor %d: unweighted minus weighted update", t)
                    .isGreaterThan(0.05 * size);
        }
    }

    /** {@return w_i = 1 / (N p_i) with p = softmax(SCORES), computed here rather than by the sampler} */
    private static double[] importanceWeights() {
        double sum = 0;
        for (float s : SCORES) {
            sum += Math.exp(s);
        }
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            w[i] = sum / (N * Math.exp(SCORES[i]));
        }
        return w;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static double[] difference(float[] a, float[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (double) a[i] - b[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
