package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;

/**
 * Decides which samples each training step of an epoch uses. The trainer calls {@link #startEpoch} with
 * the epoch's shuffled order, then {@link #nextStep} until it returns null, then {@link #endEpoch}.
 * Implementations keep whatever state must survive across epochs (an accumulated batch, scores) and can
 * save and restore it for checkpoints.
 */
public interface SamplingStrategy {
    /** Starts an epoch over {@code order} (a permutation of the training indices). */
    void startEpoch(int epoch, int[] order, SampleSource source);

    /** {@return the next step's batch, or null when the epoch's data is used up} */
    Batch nextStep(SampleSource source);

    /**
     * {@return whether the strategy wants each step's per-sample training losses through {@link #afterStep};
     * the trainer reads them to the host (a device sync) only when this is true}
     */
    default boolean wantsStepLosses() {
        return false;
    }

    /**
     * Told after each step with that step's per-sample (unweighted) training losses, in the batch's order,
     * when {@link #wantsStepLosses} is true; the default ignores them.
     */
    default void afterStep(Batch batch, float[] losses) {}

    /**
     * {@return the per-sample losses of {@code step}, a batch this strategy has just returned from
     * {@link #nextStep}, under the model's current weights, when the strategy already computed them while
     * choosing it (so a selector need not forward the batch again); null when it did not}
     */
    default float[] knownLosses(Batch step) {
        return null;
    }

    /** {@return what the strategy did this epoch; may be called more than once, it does not reset} */
    SamplerFigures endEpoch();

    /** {@return the strategy's state to checkpoint (accumulated samples as indices, counters, scores)} */
    StrategyState saveState(SampleSource source);

    /** Restores a state saved by {@link #saveState}. */
    void restoreState(StrategyState state, SampleSource source);
}
