package dev.arraysweep.worker.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/** Runs an operation in a sub-manager so that its intermediate arrays are freed at once. */
final class Scoped {

    private Scoped() {}

    /**
     * Applies {@code body} with {@code input} temporarily attached to a fresh sub-manager on the
     * input's device; the result is handed to the input's manager, everything else is freed.
     */
    static NDArray apply(NDArray input, Function<NDManager, NDArray> body) {
        NDManager owner = input.getManager();
        try (NDManager scope = owner.newSubManager(input.getDevice())) {
            scope.tempAttachAll(input);
            NDArray result = body.apply(scope);
            result.attach(owner);
            return result;
        }
    }

    /** {@return per-sample scalars as an (N, 1, 1, 1) float32 array} */
    static NDArray perSample(NDManager scope, float[] values) {
        return scope.create(values).reshape(values.length, 1, 1, 1);
    }

    /** Checks that the batch is (N, C, H, W) and that {@code count} per-sample values fit it. */
    static void checkBatch(NDArray batch, int count) {
        if (batch.getShape().dimension() != 4) {
            throw new IllegalArgumentException("expected a batch (N, C, H, W), got shape " + batch.getShape());
        }
        if (batch.getShape().get(0) != count) {
            throw new IllegalArgumentException(
                    "batch has " + batch.getShape().get(0) + " samples but " + count + " parameters were given");
        }
    }
}
