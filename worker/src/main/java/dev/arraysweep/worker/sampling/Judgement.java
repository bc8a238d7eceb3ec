package dev.arraysweep.worker.sampling;

/**
 * What a no-gradient forward pass said about each sample of a batch, read to the host once.
 *
 * @param correct whether the arg-max prediction equals the label
 * @param losses per-sample cross-entropy losses
 * @param margins difference between the two highest softmax probabilities
 */
public record Judgement(boolean[] correct, float[] losses, float[] margins) {
    public Judgement {
        if (correct.length != losses.length || losses.length != margins.length) {
            throw new IllegalArgumentException("judgement arrays differ in length: " + correct.length + ", "
                    + losses.length + ", " + margins.length);
        }
    }

    /** {@return the number of judged samples} */
    public int size() {
        return correct.length;
    }
}
