package dev.arraysweep.worker.train;

import java.util.Locale;

/**
 * Thrown by the training loop when a run diverges: a step's training loss is not finite or exceeds the run's
 * {@code divergence_loss_bound}, or the model evaluates to a non-finite test loss at an epoch's end. The
 * model's weights are no longer worth keeping, so nothing is checkpointed after it.
 *
 * @param epoch the epoch it happened in, from 0
 * @param step the optimiser step within that epoch, from 1; 0 for the end-of-epoch evaluation
 * @param value the offending loss
 */
public final class TrainingDiverged extends RuntimeException {
    private final int epoch;
    private final int step;
    private final double value;

    TrainingDiverged(int epoch, int epochs, int step, double value, String what) {
        // the value first: status shows the first 60 characters of a run's error
        super(String.format(
                Locale.ROOT,
                "%s %s %s epoch %d (%d/%d)%s",
                what,
                Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : Double.toString(value),
                step == 0 ? "after" : "at",
                epoch,
                epoch + 1,
                epochs,
                step == 0 ? "" : ", step " + step));
        this.epoch = epoch;
        this.step = step;
        this.value = value;
    }

    /** {@return the epoch it happened in, from 0} */
    public int epoch() {
        return epoch;
    }

    /** {@return the step within the epoch, from 1; 0 for the end-of-epoch evaluation} */
    public int step() {
        return step;
    }

    /** {@return the offending loss} */
    public double value() {
        return value;
    }
}
