package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;

/**
 * Mutable per-epoch counters that every strategy keeps the same way. A composed strategy starts from its
 * inner strategy's figures ({@link #of}) and adds its own: forwards add up, {@code accepted} and
 * {@code trained} are those of the last stage a sample passes.
 */
final class EpochFigures {
    long rawForwarded;
    long accepted;
    long trained;
    long overflow;
    long steps;
    long rawBatches;

    /** {@return counters equal to {@code f}} (the raw batch count is recovered from the mean) */
    static EpochFigures of(SamplerFigures f) {
        EpochFigures e = new EpochFigures();
        e.rawForwarded = f.rawForwarded();
        e.accepted = f.accepted();
        e.trained = f.trained();
        e.overflow = f.overflowDiscarded();
        e.steps = f.steps();
        e.rawBatches = Math.round(f.meanRawBatchesPerStep() * f.steps());
        return e;
    }

    /**
     * {@return the figures of a selection over {@code inner}'s pools}: pool forwards add to the inner
     * strategy's, and accepted and trained are the samples the selection kept ({@code own.accepted})
     */
    static SamplerFigures selected(SamplerFigures inner, EpochFigures own) {
        EpochFigures f = of(inner);
        f.rawForwarded += own.rawForwarded;
        f.accepted = own.accepted;
        f.trained = own.accepted;
        return f.snapshot();
    }

    void reset() {
        rawForwarded = 0;
        accepted = 0;
        trained = 0;
        overflow = 0;
        steps = 0;
        rawBatches = 0;
    }

    SamplerFigures snapshot() {
        return new SamplerFigures(
                rawForwarded,
                accepted,
                trained,
                overflow,
                steps,
                steps == 0 ? 0 : (double) rawBatches / steps,
                rawForwarded == 0 ? 1.0 : (double) accepted / rawForwarded);
    }

    long[] toArray() {
        return new long[] {rawForwarded, accepted, trained, overflow, steps, rawBatches};
    }

    void fromArray(long[] a) {
        rawForwarded = a[0];
        accepted = a[1];
        trained = a[2];
        overflow = a[3];
        steps = a[4];
        rawBatches = a[5];
    }
}
