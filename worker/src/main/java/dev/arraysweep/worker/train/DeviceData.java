package dev.arraysweep.worker.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.eval.Losses;
import dev.arraysweep.worker.optim.Autograd;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.Judgement;
import dev.arraysweep.worker.sampling.SampleSource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The training split as one tensor on the training device, with the engine-side operations strategies need:
 * gather by index (augmenting per sample when the run augments), judge without gradients, take rows,
 * concatenate. Batches live in their own sub-manager each, released explicitly, so memory stays flat.
 */
final class DeviceData implements SampleSource {
    private final NDManager manager;
    private final NDArray images;
    private final NDArray labels;
    private final int size;
    private final Function<NDArray, NDArray> prepare;
    private final Function<NDArray, NDArray> judgeForward;
    private int[] hostLabels;
    private int[] hostOrder;
    private int[] positionOf;
    private NDArray epochOrder;

    /**
     * @param images the training images (N, C, H, W) on the device, un-normalised when {@code prepare} augments
     * @param labels the labels (N) as int64 on the device
     * @param prepare turns gathered images into model input (augment and normalise, or identity)
     * @param judgeForward the no-gradient forward used for selection (eval mode unless filter_mode = train)
     */
    DeviceData(
            NDManager manager,
            NDArray images,
            NDArray labels,
            Function<NDArray, NDArray> prepare,
            Function<NDArray, NDArray> judgeForward) {
        this.manager = manager;
        this.images = images;
        this.labels = labels;
        this.size = Math.toIntExact(labels.size());
        this.prepare = prepare;
        this.judgeForward = judgeForward;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Uploads the epoch's order to the device once, so that fetching a run of consecutive positions of it
     * (what mini-batches and raw batches do) slices the device copy instead of copying indices from the host
     * at every batch: on a GPU such a copy from pageable memory waits for the device, a sync per batch.
     */
    void useOrder(int[] order) {
        if (epochOrder != null) {
            epochOrder.close();
        }
        this.hostOrder = order;
        this.positionOf = new int[size];
        Arrays.fill(positionOf, -1);
        for (int p = 0; p < order.length; p++) {
            positionOf[order[p]] = p;
        }
        try (NDManager scratch = manager.newSubManager()) {
            epochOrder = scratch.create(order).toType(DataType.INT64, false);
            epochOrder.attach(manager);
        }
    }

    @Override
    public Batch fetch(int[] indices) {
        NDManager m = manager.newSubManager();
        NDArray x;
        NDArray y;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray idx = deviceIndices(indices, scratch);
            NDArray gathered = RowGather.take(images, idx, scratch);
            x = prepare.apply(gathered);
            y = RowGather.take(labels, idx, scratch);
            x.attach(m);
            y.attach(m);
        }
        return new Batch(indices, x, y, null);
    }

    /**
     * {@return the indices as an array on the device, belonging to {@code scratch}: a slice of the epoch's
     * order when they are a run of consecutive positions of it, else a copy from the host}
     */
    private NDArray deviceIndices(int[] indices, NDManager scratch) {
        int from = indices.length == 0 || positionOf == null || indices[0] < 0 || indices[0] >= size
                ? -1
                : positionOf[indices[0]];
        if (from >= 0
                && from + indices.length <= hostOrder.length
                && Arrays.equals(hostOrder, from, from + indices.length, indices, 0, indices.length)) {
            NDArray slice = epochOrder.get(new NDIndex("{}:{}", from, from + indices.length));
            slice.attach(scratch);
            return slice;
        }
        return scratch.create(indices);
    }

    @Override
    public Judgement judge(Batch batch, Set<Judgement.Part> parts) {
        int n = batch.size();
        if (parts.isEmpty()) {
            return new Judgement(n, null, null, null);
        }
        NDList wanted = new NDList();
        float[] all;
        try (NDManager scratch = manager.newSubManager();
                Autograd.Scope noGrad = Autograd.disabled()) {
            batch.x().tempAttach(scratch);
            batch.y().tempAttach(scratch);
            NDArray logits = judgeForward.apply(batch.x());
            // only what the rule reads: a hard filter needs arg-max and compare, no softmax at all
            if (parts.contains(Judgement.Part.CORRECT)) {
                wanted.add(Losses.correct(logits, batch.y()).toType(DataType.FLOAT32, false));
            }
            if (parts.contains(Judgement.Part.LOSSES)) {
                wanted.add(Losses.perSample(logits, batch.y()).toType(DataType.FLOAT32, false));
            }
            if (parts.contains(Judgement.Part.MARGINS)) {
                wanted.add(Losses.top2Margin(logits).toType(DataType.FLOAT32, false));
            }
            // one device-to-host read whatever the number of parts
            all = (wanted.size() == 1 ? wanted.head() : NDArrays.concat(wanted)).toFloatArray();
        }
        int k = 0;
        boolean[] correct = null;
        float[] losses = null;
        float[] margins = null;
        if (parts.contains(Judgement.Part.CORRECT)) {
            correct = new boolean[n];
            for (int i = 0; i < n; i++) {
                correct[i] = all[i] > 0.5f;
            }
            k += n;
        }
        if (parts.contains(Judgement.Part.LOSSES)) {
            losses = Arrays.copyOfRange(all, k, k + n);
            k += n;
        }
        if (parts.contains(Judgement.Part.MARGINS)) {
            margins = Arrays.copyOfRange(all, k, k + n);
        }
        return new Judgement(n, correct, losses, margins);
    }

    @Override
    public Batch rows(Batch batch, int[] rows) {
        NDManager m = manager.newSubManager();
        int[] indices = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            indices[i] = batch.indices()[rows[i]];
        }
        NDArray w = batch.weights();
        if (isRun(rows)) {
            // a run of consecutive rows (a step's first batch_size, the carried rest) is a view: no copy
            NDIndex r = new NDIndex("{}:{}", rows[0], rows[0] + rows.length);
            NDArray x = batch.x().get(r);
            NDArray y = batch.y().get(r);
            w = w == null ? null : w.get(r);
            x.attach(m);
            y.attach(m);
            if (w != null) {
                w.attach(m);
            }
            return new Batch(indices, x, y, w);
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray r = scratch.create(rows);
            return new Batch(
                    indices,
                    RowGather.take(batch.x(), r, m),
                    RowGather.take(batch.y(), r, m),
                    w == null ? null : RowGather.take(w, r, m));
        }
    }

    private static boolean isRun(int[] rows) {
        if (rows.length == 0) {
            return false;
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] != rows[0] + i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Batch concat(List<Batch> parts) {
        NDManager m = manager.newSubManager();
        int total = parts.stream().mapToInt(Batch::size).sum();
        int[] indices = new int[total];
        int k = 0;
        NDList xs = new NDList();
        NDList ys = new NDList();
        for (Batch b : parts) {
            System.arraycopy(b.indices(), 0, indices, k, b.size());
            k += b.size();
            xs.add(b.x());
            ys.add(b.y());
        }
        NDArray x = NDArrays.concat(xs, 0);
        NDArray y = NDArrays.concat(ys, 0);
        x.attach(m);
        y.attach(m);
        return new Batch(indices, x, y, null);
    }

    @Override
    public Batch withWeights(Batch batch, float[] weights) {
        if (weights.length != batch.size()) {
            throw new IllegalArgumentException(weights.length + " weights for a batch of " + batch.size());
        }
        NDArray w = batch.x().getManager().create(weights); // released with the batch
        return new Batch(batch.indices(), batch.x(), batch.y(), w);
    }

    @Override
    public int[] labels() {
        if (hostLabels == null) {
            long[] all = labels.toLongArray();
            hostLabels = new int[all.length];
            for (int i = 0; i < all.length; i++) {
                hostLabels[i] = Math.toIntExact(all[i]);
            }
        }
        return hostLabels;
    }

    @Override
    public void release(Batch batch) {
        NDManager m = batch.x().getManager();
        if (m != manager) {
            m.close();
        }
    }

    @Override
    public byte[] encode(Batch batch) {
        return new NDList(batch.x(), batch.y()).encode();
    }

    @Override
    public Batch decode(int[] indices, byte[] data) {
        NDManager m = manager.newSubManager();
        NDList list = NDList.decode(m, data);
        return new Batch(indices, list.get(0), list.get(1), null);
    }

    /** {@return the shape of one sample} */
    Shape sampleShape() {
        return images.getShape().slice(1);
    }
}
