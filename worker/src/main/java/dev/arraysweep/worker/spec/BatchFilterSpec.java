package dev.arraysweep.worker.spec;

import dev.arraysweep.worker.sampling.BatchFilter;
import java.util.Objects;

/**
 * The batchwise filter: with batch accumulation (thesis Alg. 10), or with a varying batch size (Alg. 9).
 *
 * @param rawBatchSize samples judged per raw batch (adaptive sizing starts here)
 * @param overflow what happens to accepted samples beyond a full step; DISCARD (neutral) when varying
 * @param rawBatch whether the raw batch size stays fixed or adapts to the recent acceptance ratio; FIXED when
 *                 varying
 * @param mode whether steps accumulate {@code batch_size} accepted samples or train each raw batch's accepted ones
 */
public record BatchFilterSpec(int rawBatchSize, BatchFilter.Overflow overflow, RawBatch rawBatch, Mode mode) {
    /** The raw batch sizings of the {@code raw_batch} parameter. */
    public enum RawBatch {
        FIXED,
        ADAPTIVE
    }

    /** The step formations of the {@code batch_mode} parameter. */
    public enum Mode {
        /** Alg. 10: steps of exactly {@code batch_size} accepted samples, accumulated across raw batches */
        ACCUMULATE,
        /** Alg. 9: one step per raw batch on the samples it accepted, none when it accepted nothing */
        VARY
    }

    public BatchFilterSpec {
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(rawBatch, "rawBatch");
        Objects.requireNonNull(mode, "mode");
        Valid.check("accumulation_batch_size", rawBatchSize);
        Valid.require(
                mode == Mode.ACCUMULATE || (overflow == BatchFilter.Overflow.DISCARD && rawBatch == RawBatch.FIXED),
                "a varying batch has no overflow and a fixed raw batch: " + overflow + ", " + rawBatch);
    }

    /** The batchwise filter with batch accumulation (Alg. 10). */
    public BatchFilterSpec(int rawBatchSize, BatchFilter.Overflow overflow, RawBatch rawBatch) {
        this(rawBatchSize, overflow, rawBatch, Mode.ACCUMULATE);
    }

    static BatchFilterSpec from(SpecReader p) {
        return new BatchFilterSpec(
                p.nullableInt("accumulation_batch_size"),
                p.has("overflow") ? p.choice("overflow", BatchFilter.Overflow.class) : BatchFilter.Overflow.DISCARD,
                p.has("raw_batch") ? p.choice("raw_batch", RawBatch.class) : RawBatch.FIXED,
                p.choiceOr("batch_mode", Mode.class, Mode.ACCUMULATE));
    }
}
