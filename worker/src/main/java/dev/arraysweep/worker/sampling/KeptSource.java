package dev.arraysweep.worker.sampling;

import java.util.Arrays;
import java.util.List;

/**
 * The epoch filter's {@code reuse} source: serves the very augmented tensors that were judged and kept at
 * the start of the epoch, in the kept order, instead of augmenting the samples afresh. The strategy inside
 * the epoch filter fetches the kept order front to back, so fetch {@code n} returns the next {@code n} kept
 * rows (checked against the indices asked for); everything else goes to the training data's source.
 */
final class KeptSource implements SampleSource {
    private final SampleSource data;
    private final Batch kept;
    private final int offset;
    private int position;

    /**
     * @param kept the kept samples from position {@code offset} of the kept order on
     * @param position the position of the next fetch within the whole kept order
     */
    KeptSource(SampleSource data, Batch kept, int offset, int position) {
        this.data = data;
        this.kept = kept;
        this.offset = offset;
        this.position = position;
    }

    int position() {
        return position;
    }

    /** {@return the kept samples not fetched yet} */
    Batch remaining() {
        return data.rows(kept, Positions.range(position - offset, kept.size()));
    }

    void releaseKept() {
        data.release(kept);
    }

    @Override
    public Batch fetch(int[] indices) {
        int from = position - offset;
        int[] expected = Arrays.copyOfRange(kept.indices(), from, Math.min(kept.size(), from + indices.length));
        if (!Arrays.equals(expected, indices)) {
            throw new IllegalStateException("the epoch filter's reused samples are fetched out of order: asked for "
                    + Arrays.toString(indices) + " at kept position " + position);
        }
        position += indices.length;
        return data.rows(kept, Positions.range(from, from + indices.length));
    }

    @Override
    public Judgement judge(Batch batch) {
        return data.judge(batch);
    }

    @Override
    public Batch rows(Batch batch, int[] rows) {
        return data.rows(batch, rows);
    }

    @Override
    public Batch concat(List<Batch> parts) {
        return data.concat(parts);
    }

    @Override
    public Batch withWeights(Batch batch, float[] weights) {
        return data.withWeights(batch, weights);
    }

    @Override
    public void release(Batch batch) {
        data.release(batch);
    }

    @Override
    public byte[] encode(Batch batch) {
        return data.encode(batch);
    }

    @Override
    public Batch decode(int[] indices, byte[] data) {
        return this.data.decode(indices, data);
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public int[] labels() {
        return data.labels();
    }
}
