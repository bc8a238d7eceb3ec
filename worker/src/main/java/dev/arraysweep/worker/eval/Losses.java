package dev.arraysweep.worker.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * Per-sample cross entropy, predictions, correctness and top-2 softmax margins from logits.
 *
 * <p>Logits have shape (N, classes); labels have shape (N) and any integer type. Results stay on
 * the logits' device and belong to the logits' manager.
 */
public final class Losses {

    private Losses() {}

    /**
     * {@return the cross entropy of each sample, shape (N), as PyTorch's
     * {@code cross_entropy(logits, labels, reduction="none")}}
     *
     * @param logits unnormalised scores, shape (N, classes)
     * @param labels class indices, shape (N)
     */
    public static NDArray perSample(NDArray logits, NDArray labels) {
        // the pick keeps the class axis: (N, 1)
        return logits.logSoftmax(1)
                .get(new NDIndex().addAllDim().addPickDim(asIndices(labels)))
                .squeeze(1)
                .neg();
    }

    /**
     * {@return the index of the largest logit of each sample, shape (N), int64; the first on ties}
     *
     * @param logits unnormalised scores, shape (N, classes)
     */
    public static NDArray predictions(NDArray logits) {
        return logits.argMax(1);
    }

    /**
     * {@return a boolean mask, shape (N), true where the prediction equals the label}
     *
     * @param logits unnormalised scores, shape (N, classes)
     * @param labels class indices, shape (N)
     */
    public static NDArray correct(NDArray logits, NDArray labels) {
        return predictions(logits).eq(asIndices(labels));
    }

    /**
     * {@return the highest softmax probability minus the second highest, per sample, shape (N)}
     *
     * @param logits unnormalised scores, shape (N, classes) with at least two classes
     */
    public static NDArray top2Margin(NDArray logits) {
        long classes = logits.getShape().get(1);
        if (classes < 2) {
            throw new IllegalArgumentException("a top-2 margin needs at least 2 classes, got " + classes);
        }
        NDArray top2 = logits.softmax(1).topK(2, 1, true, true).get(0);
        return top2.get(":, 0").sub(top2.get(":, 1"));
    }

    private static NDArray asIndices(NDArray labels) {
        return labels.getDataType() == DataType.INT64 ? labels : labels.toType(DataType.INT64, false);
    }
}
