package dev.arraysweep.worker.train;

import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.spec.EarlyStoppingSpec.Metric;
import java.io.Serializable;

/**
 * The best epoch so far by a test metric, for {@code keep_best}; its comparison is also early stopping's
 * ({@link EarlyStopping}), so both agree on which epoch is best.
 *
 * <p>The rule (the seeds name none for keeping the best model; seed 002 appendix A, l.183, only says early stopping
 * watches "no improvement"): an epoch becomes the best when its value is strictly better than the best so far
 * (lower mean test loss, or higher test accuracy), so a tie keeps the earlier epoch; a NaN value never beats a
 * number; the first epoch observed always becomes the best. It is part of the checkpoint ({@link TrainingState}),
 * so a resumed or extended run goes on from its best so far.
 */
final class BestEpoch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Metric metric;
    private double value = Double.NaN;
    private int epoch = -1;

    BestEpoch(Metric metric) {
        this.metric = metric;
    }

    /** {@return the value of {@code metric} in the test metrics {@code test}} */
    static double valueOf(Metric metric, SplitMetrics test) {
        return metric == Metric.TEST_LOSS ? test.losses().mean() : test.accuracy();
    }

    /**
     * {@return whether an epoch with {@code value} becomes the best, given the best so far, {@code best} at
     * {@code bestEpoch} (-1 before the first epoch)}
     */
    static boolean replaces(Metric metric, double value, double best, int bestEpoch) {
        if (bestEpoch < 0) {
            return true;
        }
        boolean better = metric == Metric.TEST_LOSS ? value < best : value > best;
        return !Double.isNaN(value) && (Double.isNaN(best) || better);
    }

    /** Shows it the test metrics of {@code epoch}. {@return whether that epoch is now the best} */
    boolean observe(int epoch, SplitMetrics test) {
        double v = valueOf(metric, test);
        if (!replaces(metric, v, value, this.epoch)) {
            return false;
        }
        value = v;
        this.epoch = epoch;
        return true;
    }

    /** {@return the metric watched} */
    Metric metric() {
        return metric;
    }

    /** {@return the best epoch so far (numbered from 0), -1 before the first} */
    int epoch() {
        return epoch;
    }

    /** {@return the metric's value at the best epoch} */
    double value() {
        return value;
    }
}
