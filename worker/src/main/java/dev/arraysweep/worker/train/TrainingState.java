package dev.arraysweep.worker.train;

import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.sampling.Shuffle;
import java.io.Serializable;
import java.util.Optional;
import java.util.Random;

/**
 * The loop's own state that a checkpoint must capture: the next epoch, whether it is half done and how
 * many of its steps are taken, the pseudo-random generators (data order and augmentation, both seeded from
 * the run's seed, so a filtered run and its archetype twin see the same first data order), the sizes of the
 * current epoch's smallest and largest steps, its time split and the sum of its steps' losses, time already
 * spent, early stopping's best value and count when the run has early stopping, and the best epoch so far when
 * it keeps the best model ({@code keep_best}).
 */
final class TrainingState implements Serializable {
    private static final long serialVersionUID = 1L;

    private int nextEpoch;
    private boolean midEpoch;
    private int stepsThisEpoch;
    /** Samples in the smallest and largest step of the current epoch; 0 before its first step. */
    private int minStepSize;

    private int maxStepSize;
    private Random shuffleRandom;
    private final Random augmentRandom;
    private double wallSecondsBefore;
    private double epochSecondsBefore;
    /** Seconds of the current epoch in optimiser steps and in the sampling strategy, as far as it got. */
    private double trainSeconds;

    private double samplingSeconds;
    /** Sum of the losses the current epoch's steps minimised (their count is {@code stepsThisEpoch}). */
    private double stepLossSum;
    /** Null when the run has no early stopping (and in checkpoints written before it existed). */
    private EarlyStopping earlyStopping;
    /** Null when the run keeps no best model (and in checkpoints written before {@code keep_best} existed). */
    private BestEpoch bestEpoch;

    TrainingState(long seed) {
        this.shuffleRandom = new Random(seed);
        this.augmentRandom = new Random(seed ^ 0x5DEECE66DL);
    }

    TrainingState(long seed, EarlyStopping earlyStopping, BestEpoch bestEpoch) {
        this(seed);
        this.earlyStopping = earlyStopping;
        this.bestEpoch = bestEpoch;
    }

    /** {@return the best epoch so far, or empty when the run keeps no best model} */
    Optional<BestEpoch> bestEpoch() {
        return Optional.ofNullable(bestEpoch);
    }

    /** Shows the best-epoch tracker, if the run has one, the test metrics of the epoch just finished. */
    void observeBest(int epoch, SplitMetrics test) {
        if (bestEpoch != null) {
            bestEpoch.observe(epoch, test);
        }
    }

    /** {@return where and why early stopping ended the run, or empty while it goes on (or has none)} */
    Optional<EarlyStop> earlyStop() {
        return earlyStopping == null ? Optional.empty() : earlyStopping.stop();
    }

    /**
     * Shows early stopping, if the run has it, the test metrics of the epoch just finished. {@return whether the
     * run stops after it}
     */
    boolean stopsEarlyAfter(int epoch, SplitMetrics test) {
        return earlyStopping != null && earlyStopping.observe(epoch, test);
    }

    int nextEpoch() {
        return nextEpoch;
    }

    boolean midEpoch() {
        return midEpoch;
    }

    void setMidEpoch(boolean mid) {
        midEpoch = mid;
    }

    /** {@return the optimiser steps taken in the current epoch (0 between epochs)} */
    int stepsThisEpoch() {
        return stepsThisEpoch;
    }

    /** Counts a step of {@code size} samples. */
    void countStep(int size) {
        stepsThisEpoch++;
        minStepSize = minStepSize == 0 ? size : Math.min(minStepSize, size);
        maxStepSize = Math.max(maxStepSize, size);
    }

    /** {@return {@code figures} with the current epoch's smallest and largest step (null when it took none)} */
    SamplerFigures withStepSizes(SamplerFigures figures) {
        return maxStepSize == 0
                ? figures.withStepSizes(null, null)
                : figures.withStepSizes((long) minStepSize, (long) maxStepSize);
    }

    /** Adds the loss a step minimised (after {@link #countStep}) and the seconds it took. */
    void addStepLoss(double loss, double seconds) {
        stepLossSum += loss;
        trainSeconds += seconds;
    }

    /** Adds seconds spent in the sampling strategy. */
    void addSamplingSeconds(double seconds) {
        samplingSeconds += seconds;
    }

    /**
     * {@return {@code figures} with the current epoch's time split and the mean loss its steps minimised (null
     * when it took none)}
     */
    SamplerFigures withWork(SamplerFigures figures, double evalSeconds) {
        Double sampledLoss = stepsThisEpoch == 0 ? null : stepLossSum / stepsThisEpoch;
        return figures.withWork(new EpochWork(trainSeconds, evalSeconds, samplingSeconds, sampledLoss));
    }

    Random augmentRandom() {
        return augmentRandom;
    }

    /** {@return a fresh permutation of 0..n-1 from the order generator} */
    int[] shuffle(int n) {
        return Shuffle.permutation(n, shuffleRandom);
    }

    void finishEpoch() {
        nextEpoch++;
        midEpoch = false;
        stepsThisEpoch = 0;
        minStepSize = 0;
        maxStepSize = 0;
        trainSeconds = 0;
        samplingSeconds = 0;
        stepLossSum = 0;
    }

    double wallSecondsBefore() {
        return wallSecondsBefore;
    }

    void setWallSecondsBefore(double s) {
        wallSecondsBefore = s;
    }

    /** {@return seconds of the current epoch spent before a restart, and forgets them} */
    double takeEpochSecondsBefore() {
        double s = epochSecondsBefore;
        epochSecondsBefore = 0;
        return s;
    }

    void addEpochSecondsBefore(double s) {
        epochSecondsBefore += s;
    }
}
