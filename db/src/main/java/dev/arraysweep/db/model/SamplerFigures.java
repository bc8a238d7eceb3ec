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
 * @param minStepSize samples in the epoch's smallest training step, as the trainer counted them; null when no
 *                    step was taken or the figure was not recorded (rows from before it existed)
 * @param maxStepSize samples in the epoch's largest training step; null as {@code minStepSize}
 * @param importance the importance sampler's score and weight figures; null for runs without one and on rows
 *     from before they were recorded
 * @param work the epoch's time split and the loss its steps minimised, as the trainer measured them; null on
 *     rows from before they were recorded
 */
public record SamplerFigures(
        long rawForwarded,
        long accepted,
        long trained,
        long overflowDiscarded,
        long steps,
        double meanRawBatchesPerStep,
        double acceptanceRatio,
        Long minStepSize,
        Long maxStepSize,
        ImportanceFigures importance,
        EpochWork work) {
    /** Figures with step sizes, without the importance and work figures. */
    public SamplerFigures(
            long rawForwarded,
            long accepted,
            long trained,
            long overflowDiscarded,
            long steps,
            double meanRawBatchesPerStep,
            double acceptanceRatio,
            Long minStepSize,
            Long maxStepSize) {
        this(
                rawForwarded,
                accepted,
                trained,
                overflowDiscarded,
                steps,
                meanRawBatchesPerStep,
                acceptanceRatio,
                minStepSize,
                maxStepSize,
                null,
                null);
    }

    /** Figures of a strategy, without the step sizes the trainer adds ({@link #withStepSizes}). */
    public SamplerFigures(
            long rawForwarded,
            long accepted,
            long trained,
            long overflowDiscarded,
            long steps,
            double meanRawBatchesPerStep,
            double acceptanceRatio) {
        this(
                rawForwarded,
                accepted,
                trained,
                overflowDiscarded,
                steps,
                meanRawBatchesPerStep,
                acceptanceRatio,
                null,
                null);
    }

    /** {@return figures of an epoch in which nothing happened} */
    public static SamplerFigures none() {
        return new SamplerFigures(0, 0, 0, 0, 0, 0, 0);
    }

    /** {@return these figures with the smallest and largest step of the epoch (null: no step)} */
    public SamplerFigures withStepSizes(Long min, Long max) {
        return with(min, max, importance, work);
    }

    /** {@return these figures with the importance sampler's figures} */
    public SamplerFigures withImportance(ImportanceFigures figures) {
        return with(minStepSize, maxStepSize, figures, work);
    }

    /** {@return these figures with the epoch's time split and sampled loss} */
    public SamplerFigures withWork(EpochWork w) {
        return with(minStepSize, maxStepSize, importance, w);
    }

    private SamplerFigures with(Long min, Long max, ImportanceFigures figures, EpochWork w) {
        return new SamplerFigures(
                rawForwarded,
                accepted,
                trained,
                overflowDiscarded,
                steps,
                meanRawBatchesPerStep,
                acceptanceRatio,
                min,
                max,
                figures,
                w);
    }
}
