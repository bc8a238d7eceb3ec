package dev.arraysweep.orchestrator.report;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.RunData;

/**
 * A run's figures at the epoch a report looks at.
 *
 * @param run the run
 * @param epoch the epoch of the test figures
 * @param test the test row at {@code epoch}
 * @param train the latest train row at or before {@code epoch}, or null when the training set was never evaluated
 */
public record RunPoint(RunData run, int epoch, EpochRow test, EpochRow train) {
    /** {@return one figure: train, test, or test/train (NaN when the train figure is missing or zero)} */
    double value(Metric metric, Metric.Part part) {
        double te = metric.of(test);
        double tr = train == null ? Double.NaN : metric.of(train);
        return switch (part) {
            case TRAIN -> tr;
            case TEST -> te;
            case RATIO -> tr == 0 ? Double.NaN : te / tr;
        };
    }

    /** {@return whether the train figures come from an earlier epoch than the test figures} */
    boolean trainEarlier() {
        return train != null && train.epoch() != epoch;
    }
}
