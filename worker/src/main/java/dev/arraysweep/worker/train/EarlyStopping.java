package dev.arraysweep.worker.train;

import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.spec.EarlyStoppingSpec;
import dev.arraysweep.worker.spec.EarlyStoppingSpec.Metric;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 002's early stopping (appendix A, l.183: "Early stopping after k epochs with no improvement"): watches a
 * test metric after every epoch and ends the run once {@code patience} epochs in a row have not improved on the
 * best value so far, that is {@code patience} epochs after the best one.
 *
 * <p>The seed states no more; the choices made here: an epoch improves when its value is strictly better than the
 * best so far (lower mean loss, or higher accuracy; no minimum change, so a tie does not count); the first epoch
 * always sets the best; a NaN value never improves (a run whose loss stays NaN stops after {@code patience}
 * epochs); this comparison is {@link BestEpoch}'s, which {@code keep_best} uses too; the run keeps its last
 * epoch's model and metrics (the seed does not say that it restored the best one; {@code keep_best} keeps that
 * one as well). The rule does not depend on the run's number of epochs (patience that runs out in the last epoch is
 * kept, {@link Trainer#earlyStop()} reports no early stop then), so a run whose epochs are raised later stops
 * where one as long from the start does. Its state (best value, best epoch, epochs since) is part of the
 * checkpoint, so a resumed run stops where an uninterrupted one does.
 */
final class EarlyStopping implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int patience;
    private final Metric metric;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int sinceBest;
    private EarlyStop stop;

    /** Watches the metric of {@code spec} with its patience. */
    EarlyStopping(EarlyStoppingSpec spec) {
        this.patience = spec.patience();
        this.metric = spec.metric();
    }

    /** {@return whether training stops after {@code epoch}, whose test metrics are {@code test}} */
    boolean observe(int epoch, SplitMetrics test) {
        return observe(epoch, BestEpoch.valueOf(metric, test));
    }

    /** {@return whether training stops after {@code epoch}, in which the watched metric was {@code value}} */
    boolean observe(int epoch, double value) {
        if (stop != null) {
            throw new IllegalStateException("the run stopped after epoch " + stop.epoch() + "; epoch " + epoch
                    + " should not have been trained");
        }
        if (BestEpoch.replaces(metric, value, best, bestEpoch)) {
            best = value;
            bestEpoch = epoch;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        if (sinceBest >= patience) {
            stop = new EarlyStop(epoch, reason(epoch));
        }
        return stop != null;
    }

    /** {@return where and why the run stopped, or empty while it goes on} */
    Optional<EarlyStop> stop() {
        return Optional.ofNullable(stop);
    }

    private String reason(int epoch) {
        String name = metric == Metric.TEST_LOSS ? "test mean loss" : "test accuracy";
        return String.format(
                Locale.ROOT,
                "early stopping: %s did not improve for %d epoch%s on its best, %.6g at epoch %d; stopped after"
                        + " epoch %d (epochs numbered from 0)",
                name,
                patience,
                patience == 1 ? "" : "s",
                best,
                bestEpoch,
                epoch);
    }
}
