package dev.arraysweep.worker.spec;

/**
 * How long a run trains and how much of its dataset it uses.
 *
 * @param epochs passes over the raw training data
 * @param trainLimit use only the first this many training samples; null = all
 * @param testLimit use only the first this many test samples; null = all
 */
public record RunLimits(int epochs, Integer trainLimit, Integer testLimit) {
    public RunLimits {
        Valid.check("epochs", epochs);
        Valid.check("train_limit", trainLimit);
        Valid.check("test_limit", testLimit);
    }

    static RunLimits from(SpecReader p) {
        return new RunLimits(p.integer("epochs"), p.nullableInt("train_limit"), p.nullableInt("test_limit"));
    }
}
