package dev.arraysweep.db.model;

/**
 * What a sampling strategy did in one epoch (the figures behind the thesis' appendix figure 6).
 *
 * @param rawForwarded samples forwarded (without gradients) to decide on selection
 * @param accepted samples the filter or selector accepted
 * @param trained samples that went into training steps
 * @param overflowDiscarded accepted samples thrown away because a step was already full
 * @param steps optimiser steps taken
 * @param meanRawBatchesPerStep raw batches consumed per training step (0 when no step was taken)
 * @param acceptanceRatio accepted / raw forwarded (1 for strategies that forward nothing)
 */
public record SamplerFigures(
        long rawForwarded,
        long accepted,
        long trained,
        long overflowDiscarded,
        long steps,
        double meanRawBatchesPerStep,
        double acceptanceRatio) {
    /** {@return figures of an epoch in which nothing happened} */
    public static SamplerFigures none() {
        return new SamplerFigures(0, 0, 0, 0, 0, 0, 0);
    }
}
