package dev.arraysweep.worker.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.arraysweep.worker.optim.Autograd;
import java.util.function.Function;

/**
 * Computes per-sample losses and correctness of a whole split in large no-grad batches.
 *
 * <p>The model runs in inference mode: BatchNorm uses and keeps its running statistics, dropout
 * is off. All intermediate arrays live in a sub-manager that is closed before returning; the
 * results are read to the host once per call.
 */
public final class Evaluator {

    private final Function<NDArray, NDArray> forward;
    private final int batchSize;

    /**
     * Creates an evaluator over a forward function.
     *
     * @param forward maps a batch of inputs to logits (N, classes); must run in inference mode
     * @param batchSize the number of samples per forward pass
     */
    public Evaluator(Function<NDArray, NDArray> forward, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.forward = forward;
        this.batchSize = batchSize;
    }

    /**
     * {@return an evaluator that runs the block with {@code training=false}}
     *
     * <p>This is what {@code Trainer.evaluate} does; a plain {@code Trainer.forward} outside a
     * gradient collector would run with {@code training=true} and update BatchNorm statistics.
     *
     * @param block an initialised model whose single output is the logits
     * @param batchSize the number of samples per forward pass
     */
    public static Evaluator of(Block block, int batchSize) {
        return new Evaluator(
                x -> block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
                        .singletonOrThrow(),
                batchSize);
    }

    /**
     * {@return the accuracy and loss summary of the split}
     *
     * @param inputs the samples, first axis N, on the model's device
     * @param labels class indices, shape (N)
     */
    public SplitMetrics evaluate(NDArray inputs, NDArray labels) {
        return SplitMetrics.of(outcomes(inputs, labels));
    }

    /**
     * {@return the loss and correctness of every sample, in the split's order}
     *
     * @param inputs the samples, first axis N, on the model's device
     * @param labels class indices, shape (N)
     */
    public SampleOutcomes outcomes(NDArray inputs, NDArray labels) {
        long n = inputs.getShape().get(0);
        if (labels.getShape().get(0) != n) {
            throw new IllegalArgumentException(
                    n + " inputs but " + labels.getShape().get(0) + " labels");
        }
        if (n == 0) {
            return new SampleOutcomes(new float[0], new boolean[0]);
        }
        try (NDManager scope = inputs.getManager().newSubManager();
                Autograd.Scope noGrad = Autograd.disabled()) {
            scope.tempAttachAll(inputs, labels);
            NDList losses = new NDList();
            NDList correct = new NDList();
            for (long start = 0; start < n; start += batchSize) {
                NDIndex rows = new NDIndex("{}:{}", start, Math.min(n, start + batchSize));
                NDArray batchLabels = labels.get(rows);
                NDArray logits = forward.apply(inputs.get(rows));
                losses.add(Losses.perSample(logits, batchLabels).toType(DataType.FLOAT32, false));
                correct.add(Losses.correct(logits, batchLabels).toType(DataType.FLOAT32, false));
            }
            // one device-to-host copy: [losses..., correct...]
            float[] both = NDArrays.concat(new NDList(NDArrays.concat(losses), NDArrays.concat(correct)))
                    .toFloatArray();
            float[] lossValues = new float[(int) n];
            boolean[] correctFlags = new boolean[(int) n];
            System.arraycopy(both, 0, lossValues, 0, (int) n);
            for (int i = 0; i < n; i++) {
                correctFlags[i] = both[(int) n + i] != 0;
            }
            return new SampleOutcomes(lossValues, correctFlags);
        }
    }
}
