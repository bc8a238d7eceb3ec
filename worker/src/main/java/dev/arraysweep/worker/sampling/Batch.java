package dev.arraysweep.worker.sampling;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Samples ready for the model: their dataset indices, input tensor (augmented and normalised, on the
 * training device) and labels, plus optional per-sample loss weights (null = equal weights).
 */
public record Batch(int[] indices, NDArray x, NDArray y, NDArray weights) {
    /** {@return the number of samples} */
    public int size() {
        return indices.length;
    }

    @Override
    public String toString() {
        return "Batch" + Arrays.toString(indices);
    }
}
