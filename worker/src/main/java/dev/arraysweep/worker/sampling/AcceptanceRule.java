package dev.arraysweep.worker.sampling;

/** Which judged samples a filter accepts for training. */
@FunctionalInterface
public interface AcceptanceRule {
    /** {@return per sample, whether it is accepted} */
    boolean[] accept(Judgement judgement);

    /** Hard accuracy filter (thesis Alg. 7): accept the misclassified samples. */
    static AcceptanceRule misclassified() {
        return named("hard", j -> {
            boolean[] out = new boolean[j.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = !j.correct()[i];
            }
            return out;
        });
    }

    /**
     * Soft accuracy filter (thesis Alg. 6): accept the misclassified samples and the correct ones whose two
     * highest softmax probabilities differ by at most {@code margin}.
     */
    static AcceptanceRule softAccuracy(double margin) {
        return named("soft margin " + margin, j -> {
            boolean[] out = new boolean[j.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = !j.correct()[i] || j.margins()[i] <= margin;
            }
            return out;
        });
    }

    private static AcceptanceRule named(String name, AcceptanceRule rule) {
        return new AcceptanceRule() {
            @Override
            public boolean[] accept(Judgement judgement) {
                return rule.accept(judgement);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
