package dev.arraysweep.worker.train;

import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.SplitMetrics;

/**
 * What one epoch produced: its sampler figures, learning rate, timing and the evaluation of each split
 * ({@code train} is null in epochs where {@code eval_train_every} skips it).
 */
public record EpochResult(
        int epoch,
        double learningRate,
        SamplerFigures sampler,
        double epochSeconds,
        double wallSeconds,
        SplitMetrics train,
        SplitMetrics test,
        long hostMemoryBytes,
        Long deviceMemoryBytes) {}
