package dev.arraysweep.worker.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * When a run stops before its last epoch: after {@code patience} epochs in a row in which {@code metric} did not
 * improve on its best value so far (seed 002, appendix A, l.183: "Early stopping after k epochs with no
 * improvement", k = 15).
 *
 * @param patience epochs without improvement that end the run
 * @param metric the test metric watched
 */
public record EarlyStoppingSpec(int patience, Metric metric) {
    /**
     * The test metrics a run can watch: the choices of {@code early_stopping_metric} and of {@code keep_best}
     * (one definition in the registry; the enum stays nested here, where checkpoints of early stopping name it).
     */
    public enum Metric {
        /** The test split's mean loss; lower is better. */
        TEST_LOSS,
        /** The test split's accuracy; higher is better. */
        TEST_ACCURACY
    }

    public EarlyStoppingSpec {
        Valid.check("early_stopping_patience", patience);
        Objects.requireNonNull(metric, "metric");
    }

    /** {@return the early stopping of a run, or empty when it trains every epoch} */
    static Optional<EarlyStoppingSpec> from(SpecReader p) {
        Integer patience = p.nullableInt("early_stopping_patience");
        return patience == null
                ? Optional.empty()
                : Optional.of(new EarlyStoppingSpec(patience, p.choice("early_stopping_metric", Metric.class)));
    }
}
