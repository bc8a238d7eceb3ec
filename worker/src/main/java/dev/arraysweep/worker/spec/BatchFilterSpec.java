package dev.arraysweep.worker.spec;

import dev.arraysweep.worker.sampling.BatchFilter;
import java.util.Objects;

/**
 * The batchwise filter with batch accumulation (thesis Alg. 10).
 *
 * @param rawBatchSize samples judged per raw batch (adaptive sizing starts here)
 * @param overflow what happens to accepted samples beyond a full step
 * @param rawBatch whether the raw batch size stays fixed or adapts to the recent acceptance ratio
 */
public record BatchFilterSpec(int rawBatchSize, BatchFilter.Overflow overflow, RawBatch rawBatch) {
    /** The raw batch sizings of the {@code raw_batch} parameter. */
    public enum RawBatch {
        FIXED,
        ADAPTIVE
    }

    public BatchFilterSpec {
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(rawBatch, "rawBatch");
        Valid.check("accumulation_batch_size", rawBatchSize);
    }

    static BatchFilterSpec from(SpecReader p) {
        return new BatchFilterSpec(
                p.nullableInt("accumulation_batch_size"),
                p.choice("overflow", BatchFilter.Overflow.class),
                p.choice("raw_batch", RawBatch.class));
    }
}
