package dev.arraysweep.worker.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.arraysweep.worker.eval.Losses;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.Judgement;
import dev.arraysweep.worker.sampling.SampleSource;
import java.util.List;
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

    /**
     * @param images the training images (N, C, H, W) on the device, un-normalised when {@code prepare} augments
     * @param labels the labels (N) as int64 on the device
     * @param prepare turns gathered images into model input (augment and normalise, or identity)
     * @param judgeForward the no-gradient forward used for selection (eval mode unless filter_mode = train)
     */
    DeviceData(NDManager manager, NDArray images, NDArray labels, Function<NDArray, NDArray> prepare,
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

    @Override
    public Batch fetch(int[] indices) {
        NDManager m = manager.newSubManager();
        NDArray idx = m.create(indices);
        NDArray x;
        NDArray y;
        try (NDManager scratch = manager.newSubManager()) {
            idx.tempAttach(scratch);
            NDArray gathered = images.get(idx);
            gathered.tempAttach(scratch);
            x = prepare.apply(gathered);
            y = labels.get(idx);
            x.attach(m);
            y.attach(m);
        }
        return new Batch(indices, x, y, null);
    }

    @Override
    public Judgement judge(Batch batch) {
        try (NDManager scratch = manager.newSubManager()) {
            batch.x().tempAttach(scratch);
            batch.y().tempAttach(scratch);
            NDArray logits = judgeForward.apply(batch.x());
            NDArray losses = Losses.perSample(logits, batch.y());
            NDArray correct = Losses.correct(logits, batch.y()).toType(DataType.FLOAT32, false);
            NDArray margins = Losses.top2Margin(logits).toType(DataType.FLOAT32, false);
            float[] all = NDArrays.stack(new NDList(correct, losses.toType(DataType.FLOAT32, false), margins))
                    .toFloatArray();
            int n = batch.size();
            boolean[] c = new boolean[n];
            float[] l = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                c[i] = all[i] > 0.5f;
                l[i] = all[n + i];
                g[i] = all[2 * n + i];
            }
            return new Judgement(c, l, g);
        }
    }

    @Override
    public Batch rows(Batch batch, int[] rows) {
        NDManager m = manager.newSubManager();
        int[] indices = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            indices[i] = batch.indices()[rows[i]];
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray r = scratch.create(rows);
            NDArray x = batch.x().get(r);
            NDArray y = batch.y().get(r);
            NDArray w = batch.weights() == null ? null : batch.weights().get(r);
            x.attach(m);
            y.attach(m);
            if (w != null) {
                w.attach(m);
            }
            return new Batch(indices, x, y, w);
        }
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
