package dev.arraysweep.worker.sampling;

import java.util.Locale;
import java.util.Objects;

/**
 * The exponent of a loss-weighted or q-split selection per epoch: constant, or lowered over training to reduce
 * the selection pressure, which the thesis suggests as "p ... could hypothetically be decaying over time to
 * reduce selection pressure, similar to what Song et al. [2020] do" (seed 004 l.1405-1407). The thesis names
 * no schedule; this one goes from {@code first} at epoch 0 to {@code last} at epoch {@code epochs - 1}, held
 * for the whole of each epoch:
 *
 * <ul>
 *   <li>linear: {@code first + (last - first) * e / (epochs - 1)};
 *   <li>exponential (geometric): {@code first * (last / first)^(e / (epochs - 1))}, a constant factor per epoch.
 * </ul>
 *
 * A run of one epoch uses {@code first}.
 *
 * @param decay how the power changes; NONE keeps {@code first}
 * @param first the power at epoch 0
 * @param last the power at the last epoch (ignored without a decay)
 * @param epochs the run's number of epochs
 */
public record PowerSchedule(Decay decay, double first, double last, int epochs) {
    /** The schedules of the {@code power_decay} parameter. */
    public enum Decay {
        NONE,
        LINEAR,
        EXPONENTIAL
    }

    public PowerSchedule {
        Objects.requireNonNull(decay, "decay");
        Positive.check("epochs", epochs);
        if (!(first > 0) || (decay != Decay.NONE && !(last > 0))) {
            throw new IllegalArgumentException("powers must be positive, not " + first + " and " + last);
        }
    }

    /** {@return a schedule that keeps {@code power} in every epoch} */
    public static PowerSchedule constant(double power) {
        return new PowerSchedule(Decay.NONE, power, power, 1);
    }

    /** {@return the power of epoch {@code epoch} (0-based; later epochs than the last keep the last power)} */
    public double at(int epoch) {
        if (decay == Decay.NONE || epochs == 1) {
            return first;
        }
        double t = Math.min(1.0, Math.max(0, epoch) / (double) (epochs - 1));
        return switch (decay) {
            case LINEAR -> first + (last - first) * t;
            case EXPONENTIAL -> first * Math.pow(last / first, t);
            case NONE -> first;
        };
    }

    @Override
    public String toString() {
        return decay == Decay.NONE
                ? "power " + first
                : decay.name().toLowerCase(Locale.ROOT) + " power " + first + " -> " + last;
    }
}
