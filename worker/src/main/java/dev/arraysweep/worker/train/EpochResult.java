package dev.arraysweep.worker.train;

import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.SplitMetrics;

/**
 * What one epoch produced: its sampler figures, learning rate, timing, the process's resident memory and the
 * evaluation of each split ({@code train} is null in epochs where {@code eval_train_every} skips it). The device's
 * figures are the task's to add ({@code telemetry}).
 */
public record EpochResult(
        int epoch,
        double learningRate,
        SamplerFigures sampler,
        double epochSeconds,
        double wallSeconds,
        SplitMetrics train,
        SplitMetrics test,
        long hostMemoryBytes) {}
