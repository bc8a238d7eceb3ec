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
 * @param rawBatchesPerStep raw batches forwarded per training step (the thesis' appendix figure 6a); NaN in an
 *     epoch without a step
 * @param overflowPerStep accepted samples discarded because a step was full, per training step (figure 6b: "the
 *     average number of samples that were passed through the model but were discarded"); NaN without a step
 * @param trainedPerForwarded samples trained / samples forwarded for selection in this epoch (figure 6c: "the
 *     ratio of samples that passed through the model that ultimately were included in the batch"); NaN without a
 *     step or without a selection forward
 * @param scoreQ10 the importance sampler's scores at quantile 0.1 at the epoch's end (importance figure)
 * @param scoreQ50 its median score
 * @param scoreQ90 its score at quantile 0.9
 * @param weightEss the effective sample size of the epoch's draw weights
 * @param trainSeconds seconds of the epoch in optimiser steps
 * @param evalSeconds seconds of the epoch's evaluation
 * @param samplingSeconds seconds of the epoch in the sampling strategy
 * @param sampledLoss mean of the losses the epoch's steps minimised
 * @param gpuUtilization the run's GPU's mean utilisation in the epoch, percent ({@code nvidia-smi})
 * @param gpuTemperature its mean temperature, degrees Celsius
 * @param gpuPowerWatts its mean power draw, watts
 * @param gpuMemoryUsedBytes its mean memory in use (every process's), bytes
 */
public record EpochRow(
        int epoch,
        double accuracy,
        double meanLoss,
        double q90Loss,
        double worstLoss,
        double wallSeconds,
        double rawBatchesPerStep,
        double overflowPerStep,
        double trainedPerForwarded,
        double scoreQ10,
        double scoreQ50,
        double scoreQ90,
        double weightEss,
        double trainSeconds,
        double evalSeconds,
        double samplingSeconds,
        double sampledLoss,
        double gpuUtilization,
        double gpuTemperature,
        double gpuPowerWatts,
        double gpuMemoryUsedBytes) {}
