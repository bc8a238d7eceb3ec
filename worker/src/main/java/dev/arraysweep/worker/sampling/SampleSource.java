package dev.arraysweep.worker.sampling;

import java.util.List;

/**
 * What a strategy may ask of the training engine: fetch samples by index (augmented when the run
 * augments: a fresh random decision per sample), judge a batch with a no-gradient forward pass, and
 * keep rows of a batch. Strategies choose indices; the data stays where it is.
 */
public interface SampleSource {
    /** {@return the samples at {@code indices}, ready for the model} */
    Batch fetch(int[] indices);

    /** {@return the model's judgement of {@code batch}, without gradients} */
    Judgement judge(Batch batch);

    /** {@return the rows {@code rows} (positions within {@code batch}, repeats allowed) of a batch, tensors included} */
    Batch rows(Batch batch, int[] rows);

    /** {@return the concatenation of batches, in order} */
    Batch concat(List<Batch> parts);

    /** {@return {@code batch} with per-sample loss weights (one per row) that are released with it} */
    Batch withWeights(Batch batch, float[] weights);

    /** Releases a batch's tensors that are no longer needed. */
    void release(Batch batch);

    /** {@return a batch's tensors as bytes, for checkpoints} */
    byte[] encode(Batch batch);

    /** {@return a batch restored from {@link #encode} with its indices} */
    Batch decode(int[] indices, byte[] data);

    /** {@return the number of training samples} */
    int size();

    /** {@return the class label of every training sample, on the host (read once; callers must not modify it)} */
    int[] labels();
}
