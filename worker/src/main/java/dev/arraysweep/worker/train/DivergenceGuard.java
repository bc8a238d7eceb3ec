package dev.arraysweep.worker.train;

import java.util.Locale;

/**
 * Stops a run at the first sign of divergence, instead of letting it train on to its last epoch on NaN
 * weights: a step whose training loss (the mean the step minimises, weighted where the sampler weights) is
 * not finite, or is above {@code divergence_loss_bound} when the run sets one; and an epoch whose test loss is
 * not finite (the last step's update can make the weights non-finite after a finite loss). A diverged run is
 * deterministic and would diverge again, so it ends in its own state and is not retried by default.
 */
final class DivergenceGuard {
    private final int epochs;
    private final Double bound;

    /**
     * @param epochs the run's epochs (for the message)
     * @param bound the largest training loss allowed, or null to stop only on a non-finite one
     */
    DivergenceGuard(int epochs, Double bound) {
        this.epochs = epochs;
        this.bound = bound;
    }

    /**
     * Checks step {@code step} (from 1) of {@code epoch}.
     *
     * @throws TrainingDiverged when its loss is not finite or above the bound
     */
    void afterStep(int epoch, int step, double loss) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDiverged(epoch, epochs, step, loss, "training loss");
        }
        if (bound != null && loss > bound) {
            throw new TrainingDiverged(
                    epoch, epochs, step, loss, String.format(Locale.ROOT, "training loss above %s:", bound));
        }
    }

    /**
     * Checks the mean test loss evaluated at the end of {@code epoch}.
     *
     * @throws TrainingDiverged when it is not finite
     */
    void afterEpoch(int epoch, double testLoss) {
        if (!Double.isFinite(testLoss)) {
            throw new TrainingDiverged(epoch, epochs, 0, testLoss, "test loss");
        }
    }
}
