package dev.arraysweep.worker.train;

import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.sampling.Shuffle;
import java.io.Serializable;
import java.util.Random;

/**
 * The loop's own state that a checkpoint must capture: the next epoch, whether it is half done and how
 * many of its steps are taken, the pseudo-random generators (data order and augmentation, both seeded from
 * the run's seed, so a filtered run and its archetype twin see the same first data order), the sizes of the
 * current epoch's smallest and largest steps, and time already spent.
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

    TrainingState(long seed) {
        this.shuffleRandom = new Random(seed);
        this.augmentRandom = new Random(seed ^ 0x5DEECE66DL);
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
