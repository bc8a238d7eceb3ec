package dev.arraysweep.testkit;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.SamplerFigures;

/** Epoch metric rows for tests whose assertions look at the key and the accuracy only. */
public final class MetricRows {
    private MetricRows() {}

    /** {@return a row of run {@code runId}, with mean loss 1 - accuracy and plausible fixed other figures} */
    public static EpochMetrics row(long runId, int attempt, int epoch, String split, double accuracy) {
        return row(runId, attempt, epoch, split, accuracy, null);
    }

    /** {@return such a row of a run on a GPU that {@code nvidia-smi} reported {@code gpu} of} */
    public static EpochMetrics row(long runId, int attempt, int epoch, String split, double accuracy, GpuFigures gpu) {
        return new EpochMetrics(
                runId,
                attempt,
                epoch,
                split,
                accuracy,
                1 - accuracy,
                0.01,
                3.0,
                0.4,
                1.2,
                2.5,
                1000,
                1.5,
                1.5 * (epoch + 1),
                0.1,
                new SamplerFigures(1000, 900, 900, 0, 8, 1.0, 0.9),
                1L << 30,
                gpu == null ? null : 5L << 30,
                gpu);
    }
}
