package dev.arraysweep.worker.sampling;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which judged samples a filter accepts for training. A rule declares the parts of a {@link Judgement} it
 * reads, so that judging computes nothing else.
 */
@FunctionalInterface
public interface AcceptanceRule {
    /** {@return per sample, whether it is accepted} */
    boolean[] accept(Judgement judgement);

    /** {@return the parts of a judgement this rule reads (default: every part)} */
    default Set<Judgement.Part> needs() {
        return Judgement.Part.all();
    }

    /** Hard accuracy filter (thesis Alg. 7): accept the misclassified samples. */
    static AcceptanceRule misclassified() {
        return named("hard", EnumSet.of(Judgement.Part.CORRECT), j -> {
            boolean[] correct = j.correct();
            boolean[] out = new boolean[j.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = !correct[i];
            }
            return out;
        });
    }

    /**
     * Soft accuracy filter (thesis Alg. 6): accept the misclassified samples and the correct ones whose two
     * highest softmax probabilities differ by at most {@code margin}.
     */
    static AcceptanceRule softAccuracy(double margin) {
        return named("soft margin " + margin, EnumSet.of(Judgement.Part.CORRECT, Judgement.Part.MARGINS), j -> {
            boolean[] correct = j.correct();
            float[] margins = j.margins();
            boolean[] out = new boolean[j.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = !correct[i] || margins[i] <= margin;
            }
            return out;
        });
    }

    /** {@return {@code rule} with a name for messages and the parts it reads} */
    static AcceptanceRule named(String name, Set<Judgement.Part> needs, AcceptanceRule rule) {
        Set<Judgement.Part> parts = Collections.unmodifiableSet(
                needs.isEmpty() ? EnumSet.noneOf(Judgement.Part.class) : EnumSet.copyOf(needs));
        return new AcceptanceRule() {
            @Override
            public boolean[] accept(Judgement judgement) {
                return rule.accept(judgement);
            }

            @Override
            public Set<Judgement.Part> needs() {
                return parts;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
