package dev.arraysweep.worker.eval;

/**
 * The loss and correctness of every sample of a split, on the host, in the split's order.
 *
 * <p>The arrays are shared, not copied: callers must not modify them.
 *
 * @param losses per-sample cross entropy
 * @param correct whether the prediction equals the label
 */
public record SampleOutcomes(float[] losses, boolean[] correct) {

    public SampleOutcomes {
        if (losses.length != correct.length) {
            throw new IllegalArgumentException(losses.length + " losses but " + correct.length + " correctness flags");
        }
    }

    /** {@return the number of samples} */
    public int size() {
        return losses.length;
    }

    /** {@return the fraction of correct predictions, NaN for no samples} */
    public double accuracy() {
        if (correct.length == 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (boolean c : correct) {
            if (c) {
                hits++;
            }
        }
        return (double) hits / correct.length;
    }
}
