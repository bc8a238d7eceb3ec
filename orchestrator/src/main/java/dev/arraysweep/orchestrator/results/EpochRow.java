package dev.arraysweep.orchestrator.results;

/**
 * The figures of one run, split and epoch that reports and plots use; missing values are NaN.
 *
 * @param epoch the epoch as stored (the first epoch is 0)
 * @param accuracy fraction of samples classified correctly
 * @param meanLoss mean per-sample cross-entropy loss
 * @param q90Loss per-sample loss at quantile 0.9
 * @param worstLoss the largest per-sample loss
 * @param wallSeconds wall-clock seconds of training from the run's start to the end of this epoch
 * @param rawBatchesPerStep raw batches forwarded per training step (sampler figure)
 * @param overflowDiscarded accepted samples discarded because a step was full, in this epoch
 * @param acceptanceRatio accepted / forwarded samples in this epoch
 */
public record EpochRow(
        int epoch,
        double accuracy,
        double meanLoss,
        double q90Loss,
        double worstLoss,
        double wallSeconds,
        double rawBatchesPerStep,
        double overflowDiscarded,
        double acceptanceRatio) {}
