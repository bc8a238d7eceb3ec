package dev.arraysweep.worker.eval;

/**
 * Accuracy and loss summary of one split (the un-augmented train set, or the test set) after an
 * epoch.
 *
 * @param accuracy the fraction of correctly classified samples
 * @param losses the distribution of per-sample losses
 */
public record SplitMetrics(double accuracy, LossSummary losses) {

    /** {@return the metrics of the given per-sample outcomes} */
    public static SplitMetrics of(SampleOutcomes outcomes) {
        return new SplitMetrics(outcomes.accuracy(), LossSummary.of(outcomes.losses()));
    }
}
