package dev.arraysweep.worker.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * How long a run trains (at most), how much of its dataset it uses and which training loss stops it as diverged.
 *
 * @param epochs passes over the raw training data
 * @param trainLimit use only the first this many training samples; null = all
 * @param testLimit use only the first this many test samples; null = all
 * @param earlyStopping when the run stops before its last epoch; empty = never
 * @param lossBound a step's training loss above this stops the run as diverged; null = only a non-finite one
 */
public record RunLimits(
        int epochs,
        Integer trainLimit,
        Integer testLimit,
        Optional<EarlyStoppingSpec> earlyStopping,
        Double lossBound) {
    public RunLimits {
        Valid.check("epochs", epochs);
        Valid.check("train_limit", trainLimit);
        Valid.check("test_limit", testLimit);
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Valid.check("divergence_loss_bound", lossBound);
    }

    static RunLimits from(SpecReader p) {
        return new RunLimits(
                p.integer("epochs"),
                p.nullableInt("train_limit"),
                p.nullableInt("test_limit"),
                EarlyStoppingSpec.from(p),
                p.nullableReal("divergence_loss_bound"));
    }
}
