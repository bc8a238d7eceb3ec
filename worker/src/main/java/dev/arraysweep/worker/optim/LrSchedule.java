package dev.arraysweep.worker.optim;

import java.util.List;

/**
 * A learning rate per epoch, stepped once per epoch as PyTorch's {@code lr_scheduler} classes are.
 *
 * <p>{@link #rateAt(int)} is the rate used during 0-based epoch {@code e}, after {@code e}
 * scheduler steps; the rate is built by the same repeated multiplications as PyTorch's chainable
 * form, so it matches PyTorch to the last bit.
 */
public sealed interface LrSchedule {

    /**
     * {@return the learning rate used during the given 0-based epoch}
     *
     * @param epoch the epoch index, &gt;= 0
     */
    double rateAt(int epoch);

    /**
     * {@return a constant rate}
     *
     * @param baseRate the rate of every epoch
     */
    static LrSchedule none(double baseRate) {
        return new Constant(baseRate);
    }

    /**
     * {@return {@code ExponentialLR}: the rate is multiplied by {@code gamma} after every epoch}
     *
     * @param baseRate the rate of epoch 0
     * @param gamma the factor per epoch
     */
    static LrSchedule exponential(double baseRate, double gamma) {
        return new Exponential(baseRate, gamma);
    }

    /**
     * {@return {@code MultiStepLR}: the rate is multiplied by {@code gamma} from each milestone
     * epoch on}
     *
     * @param baseRate the rate of epoch 0
     * @param milestones epochs (&gt;= 1) from which the reduced rate applies; a repeated milestone
     *     reduces twice, as in PyTorch
     * @param gamma the factor per milestone
     */
    static LrSchedule multistep(double baseRate, List<Integer> milestones, double gamma) {
        return new MultiStep(baseRate, milestones, gamma);
    }

    /** A constant learning rate. */
    record Constant(double baseRate) implements LrSchedule {
        public Constant {
            requirePositive("base learning rate", baseRate);
        }

        @Override
        public double rateAt(int epoch) {
            requireEpoch(epoch);
            return baseRate;
        }
    }

    /** PyTorch's {@code ExponentialLR}. */
    record Exponential(double baseRate, double gamma) implements LrSchedule {
        public Exponential {
            requirePositive("base learning rate", baseRate);
            requirePositive("gamma", gamma);
        }

        @Override
        public double rateAt(int epoch) {
            requireEpoch(epoch);
            double rate = baseRate;
            for (int e = 1; e <= epoch; e++) {
                rate *= gamma;
            }
            return rate;
        }
    }

    /** PyTorch's {@code MultiStepLR}. */
    record MultiStep(double baseRate, List<Integer> milestones, double gamma) implements LrSchedule {
        public MultiStep {
            requirePositive("base learning rate", baseRate);
            requirePositive("gamma", gamma);
            milestones = List.copyOf(milestones);
            for (int milestone : milestones) {
                if (milestone < 1) {
                    throw new IllegalArgumentException(
                            "milestones must be epochs >= 1, got " + milestone + " in " + milestones);
                }
            }
        }

        @Override
        public double rateAt(int epoch) {
            requireEpoch(epoch);
            double rate = baseRate;
            for (int e = 1; e <= epoch; e++) {
                int hits = 0;
                for (int milestone : milestones) {
                    if (milestone == e) {
                        hits++;
                    }
                }
                if (hits > 0) {
                    rate *= Math.pow(gamma, hits);
                }
            }
            return rate;
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    private static void requireEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }
}
