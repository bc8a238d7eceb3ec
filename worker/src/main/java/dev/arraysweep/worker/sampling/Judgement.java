package dev.arraysweep.worker.sampling;

import java.lang.reflect.Array;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a no-gradient forward pass said about each sample of a batch, read to the host once. Only the
 * {@linkplain Part parts} the caller asked for are computed (a hard filter needs correctness alone, a loss
 * selector the losses alone); asking for a part that was not computed is a programming error.
 */
public final class Judgement {
    /** The per-sample figures a judgement can carry. */
    public enum Part {
        /** whether the arg-max prediction equals the label */
        CORRECT,
        /** per-sample cross-entropy losses */
        LOSSES,
        /** difference between the two highest softmax probabilities */
        MARGINS;

        /** {@return every part} */
        public static Set<Part> all() {
            return EnumSet.allOf(Part.class);
        }
    }

    private final int size;
    private final boolean[] correct;
    private final float[] losses;
    private final float[] margins;

    /**
     * @param size the number of judged samples
     * @param correct per sample, whether it was classified correctly; null when not computed
     * @param losses per-sample losses; null when not computed
     * @param margins top-2 softmax margins; null when not computed
     */
    public Judgement(int size, boolean[] correct, float[] losses, float[] margins) {
        if ((correct != null && correct.length != size)
                || (losses != null && losses.length != size)
                || (margins != null && margins.length != size)) {
            throw new IllegalArgumentException("judgement arrays differ in length from " + size + " samples: "
                    + length(correct) + ", " + length(losses) + ", " + length(margins));
        }
        this.size = size;
        this.correct = correct;
        this.losses = losses;
        this.margins = margins;
    }

    /** A judgement with every part. */
    public Judgement(boolean[] correct, float[] losses, float[] margins) {
        this(correct.length, correct, losses, margins);
    }

    /** {@return the number of judged samples} */
    public int size() {
        return size;
    }

    /** {@return whether the arg-max prediction of each sample equals its label} */
    public boolean[] correct() {
        return require(correct, Part.CORRECT);
    }

    /** {@return the per-sample cross-entropy losses} */
    public float[] losses() {
        return require(losses, Part.LOSSES);
    }

    /** {@return the difference between the two highest softmax probabilities of each sample} */
    public float[] margins() {
        return require(margins, Part.MARGINS);
    }

    private static <T> T require(T part, Part name) {
        if (part == null) {
            throw new IllegalStateException("this judgement was computed without " + name
                    + ": the rule or selector reading it must list " + name + " among the parts it needs");
        }
        return part;
    }

    private static String length(Object array) {
        if (array == null) {
            return "-";
        }
        return String.valueOf(Array.getLength(array));
    }
}
