package dev.arraysweep.worker.spec;

/**
 * How long a run trains, how much of its dataset it uses and which training loss stops it as diverged.
 *
 * @param epochs passes over the raw training data
 * @param trainLimit use only the first this many training samples; null = all
 * @param testLimit use only the first this many test samples; null = all
 * @param lossBound a step's training loss above this stops the run as diverged; null = only a non-finite one
 */
public record RunLimits(int epochs, Integer trainLimit, Integer testLimit, Double lossBound) {
    public RunLimits {
        Valid.check("epochs", epochs);
        Valid.check("train_limit", trainLimit);
        Valid.check("test_limit", testLimit);
        Valid.check("divergence_loss_bound", lossBound);
    }

    static RunLimits from(SpecReader p) {
        return new RunLimits(
                p.integer("epochs"),
                p.nullableInt("train_limit"),
                p.nullableInt("test_limit"),
                p.nullableReal("divergence_loss_bound"));
    }
}
