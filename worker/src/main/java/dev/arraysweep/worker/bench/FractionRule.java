package dev.arraysweep.worker.bench;

import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.sampling.Judgement;
import java.util.EnumSet;
import java.util.Random;

/**
 * Acceptance rules with a controlled acceptance ratio, so that a benchmark's cost per trained image does not
 * depend on what the model happens to misclassify. Both ask for what the hard accuracy filter asks for (the
 * correctness of each sample), so judging costs what it costs in a real run; the answer ignores it.
 */
final class FractionRule {
    private FractionRule() {}

    /**
     * {@return a rule accepting exactly {@code round(fraction * n)} of every raw batch of n samples, spread
     * evenly over the batch (so a partial acceptance is a real gather of rows, not a prefix)}
     */
    static AcceptanceRule exact(double fraction) {
        check(fraction);
        return AcceptanceRule.named("exactly " + fraction, EnumSet.of(Judgement.Part.CORRECT), j -> {
            boolean[] out = new boolean[j.size()];
            // sample i is accepted when the running count floor((i + 1) * f) steps up
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.floor((i + 1) * fraction + 1e-9) > Math.floor(i * fraction + 1e-9);
            }
            return out;
        });
    }

    /** {@return a rule accepting each sample independently with probability {@code fraction}} */
    static AcceptanceRule random(double fraction, long seed) {
        check(fraction);
        Random rng = new Random(seed);
        return AcceptanceRule.named("random " + fraction, EnumSet.of(Judgement.Part.CORRECT), j -> {
            boolean[] out = new boolean[j.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rng.nextDouble() < fraction;
            }
            return out;
        });
    }

    private static void check(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("an acceptance fraction must be in (0, 1], not " + fraction);
        }
    }
}
