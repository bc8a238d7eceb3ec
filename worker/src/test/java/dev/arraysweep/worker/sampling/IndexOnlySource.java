package dev.arraysweep.worker.sampling;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

/**
 * A sample source without tensors for known-answer tests of strategies: batches carry only indices, a
 * sample is judged misclassified exactly when {@code wrong} says so, its judged loss is its index and its
 * margin 0.5 (unless {@link #withJudged} says otherwise);
 * weights given to a batch are recorded in {@link #weights}. The engine-backed source is tested
 * through the trainer; this one makes the right selection computable by hand.
 */
final class IndexOnlySource implements SampleSource {
    private final int size;
    private IntPredicate wrong;
    private int[] labels;
    private IntToDoubleFunction loss = i -> i;
    private IntToDoubleFunction margin = i -> 0.5;
    final List<int[]> fetched = new ArrayList<>();
    final List<int[]> judged = new ArrayList<>();
    /** The weights each weighted batch got, by batch, in order. */
    final List<float[]> weights = new ArrayList<>();

    IndexOnlySource(int size, IntPredicate wrong) {
        this.size = size;
        this.wrong = wrong;
        this.labels = new int[size];
    }

    /** Sets every sample's label (default 0). */
    IndexOnlySource withLabels(IntUnaryOperator label) {
        for (int i = 0; i < size; i++) {
            labels[i] = label.applyAsInt(i);
        }
        return this;
    }

    /** Sets every sample's judged loss and top-2 softmax margin. */
    IndexOnlySource withJudged(IntToDoubleFunction loss, IntToDoubleFunction margin) {
        this.loss = loss;
        this.margin = margin;
        return this;
    }

    void setWrong(IntPredicate wrong) {
        this.wrong = wrong;
    }

    @Override
    public Batch fetch(int[] indices) {
        fetched.add(indices.clone());
        return new Batch(indices.clone(), null, null, null);
    }

    @Override
    public Judgement judge(Batch batch, java.util.Set<Judgement.Part> parts) {
        judged.add(batch.indices().clone());
        int n = batch.size();
        boolean[] correct = new boolean[n];
        float[] losses = new float[n];
        float[] margins = new float[n];
        for (int i = 0; i < n; i++) {
            correct[i] = !wrong.test(batch.indices()[i]);
            losses[i] = (float) loss.applyAsDouble(batch.indices()[i]);
            margins[i] = (float) margin.applyAsDouble(batch.indices()[i]);
        }
        return new Judgement(correct, losses, margins);
    }

    @Override
    public Batch rows(Batch batch, int[] rows) {
        int[] idx = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            idx[i] = batch.indices()[rows[i]];
        }
        return new Batch(idx, null, null, null);
    }

    @Override
    public Batch concat(List<Batch> parts) {
        return new Batch(
                parts.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray(), null, null, null);
    }

    @Override
    public Batch withWeights(Batch batch, float[] w) {
        weights.add(w.clone());
        return batch;
    }

    @Override
    public void release(Batch batch) {}

    @Override
    public byte[] encode(Batch batch) {
        ByteBuffer b = ByteBuffer.allocate(4 * batch.size());
        for (int i : batch.indices()) {
            b.putInt(i);
        }
        return b.array();
    }

    @Override
    public Batch decode(int[] indices, byte[] data) {
        return new Batch(indices, null, null, null);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    static int[] identity(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }
}
