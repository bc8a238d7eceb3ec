package dev.arraysweep.db.model;

import java.util.Objects;

/**
 * Metrics of one run, epoch and split ({@code train} evaluated un-augmented in eval mode, or {@code test}).
 *
 * <p>Loss figures are per-sample cross-entropy losses over the whole split; quantiles use linear
 * interpolation (numpy's default). Timing, learning rate, sampler figures and memory are the
 * epoch's and are the same on both splits' rows.
 *
 * @param deviceMemoryBytes bytes in use on the run's GPU at the epoch's end as the engine tells it (CUDA's
 *     {@code cudaMemGetInfo}: the whole device, PyTorch's cache included); null on a CPU
 * @param gpu the run's GPU as {@code nvidia-smi} reported it during the epoch; null where there is none to watch
 */
public record EpochMetrics(
        long runId,
        int attempt,
        int epoch,
        String split,
        double accuracy,
        double meanLoss,
        double bestLoss,
        double worstLoss,
        double q50Loss,
        double q90Loss,
        double q99Loss,
        long sampleCount,
        double epochSeconds,
        double wallSeconds,
        double learningRate,
        SamplerFigures sampler,
        Long hostMemoryBytes,
        Long deviceMemoryBytes,
        GpuFigures gpu) {
    public EpochMetrics {
        Objects.requireNonNull(sampler, "sampler");
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("split must be 'train' or 'test', not '" + split + "'");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, not " + epoch);
        }
    }

    /** {@return a copy of these metrics for another run id (journals written before the id was known)} */
    public EpochMetrics withRunId(long id) {
        return new EpochMetrics(
                id,
                attempt,
                epoch,
                split,
                accuracy,
                meanLoss,
                bestLoss,
                worstLoss,
                q50Loss,
                q90Loss,
                q99Loss,
                sampleCount,
                epochSeconds,
                wallSeconds,
                learningRate,
                sampler,
                hostMemoryBytes,
                deviceMemoryBytes,
                gpu);
    }
}
