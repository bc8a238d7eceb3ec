package dev.arraysweep.worker.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Takes rows of a tensor by index along its first axis, with PyTorch's {@code index_select} (reached through
 * the embedding lookup, which is exactly that on a 2-D view) rather than advanced indexing: on a CPU that
 * is 2.5 to 4 times faster for a batch of images (measured: 128 MNIST-sized rows in about 40 instead of
 * 120 microseconds, 1024 rows in 120-220 instead of 550-860).
 */
final class RowGather {
    private RowGather() {}

    /**
     * {@return the rows {@code index} (1-D, int32 or int64) of {@code data}, shape (len(index), ...rest of
     * data's shape), belonging to {@code target}}
     */
    static NDArray take(NDArray data, NDArray index, NDManager target) {
        Shape shape = data.getShape();
        long n = shape.get(0);
        try (NDManager scratch = target.newSubManager()) {
            NDArray table = data.reshape(n, n == 0 ? 0 : shape.size() / n); // a view
            table.attach(scratch);
            NDArray picked = table.getNDArrayInternal()
                    .embedding(index, table, SparseFormat.DENSE)
                    .singletonOrThrow();
            picked.attach(scratch);
            NDArray rows = picked.reshape(new Shape(index.getShape().get(0)).addAll(shape.slice(1)));
            rows.attach(target);
            return rows;
        }
    }
}
