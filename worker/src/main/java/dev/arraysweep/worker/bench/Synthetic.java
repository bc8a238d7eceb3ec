package dev.arraysweep.worker.bench;

import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Split;
import dev.arraysweep.worker.spec.RunSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Random images of a model's input shape with random labels, and the run parameters the benchmarks train with. */
final class Synthetic {
    static final int CLASSES = 10;
    private static final int SIDE = 32;

    private Synthetic() {}

    /** {@return a raw dataset of {@code train} and {@code test} random images in [0, 1]} */
    static Dataset dataset(ModelPlan plan, int train, int test, long seed) {
        Random rnd = new Random(seed);
        return new Dataset(
                plan.datasetName(),
                plan.channels(),
                SIDE,
                SIDE,
                CLASSES,
                split(plan, train, rnd),
                split(plan, test, rnd));
    }

    private static Split split(ModelPlan plan, int n, Random rnd) {
        float[] x = new float[n * plan.channels() * SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(CLASSES);
        }
        return new Split(x, y);
    }

    /**
     * {@return the parameters of a benchmark run: the thesis' SGD (momentum 0.9, weight decay 5e-4) at a small
     * learning rate (random labels), no augmentation, the given overrides; {@code epochs} as given}
     */
    static RunSpec spec(ModelPlan plan, int epochs, Map<String, Object> overrides) {
        Map<String, Object> raw = new HashMap<>(Map.of(
                "dataset",
                plan.datasetName(),
                "model",
                plan.model(),
                "epochs",
                epochs,
                "batch_size",
                plan.batch(),
                "learning_rate",
                0.01,
                "augmentation",
                false,
                "batch_filtering",
                false,
                "seed",
                1));
        raw.putAll(overrides);
        try {
            return RunSpec.from(Params.normalize(raw));
        } catch (ParamException e) {
            throw new IllegalArgumentException("benchmark parameters rejected: " + e.getMessage(), e);
        }
    }
}
