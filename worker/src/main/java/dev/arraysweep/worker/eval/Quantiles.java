package dev.arraysweep.worker.eval;

import java.util.Arrays;

/** Quantiles with numpy's default method, {@code numpy.quantile(values, q, method="linear")}. */
public final class Quantiles {

    private Quantiles() {}

    /**
     * {@return the q-quantile of the values, interpolating linearly between the two nearest ranks}
     *
     * @param values at least one value, in any order (not modified)
     * @param q the quantile, in [0, 1]
     */
    public static double linear(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return linearOfSorted(sorted, q);
    }

    /**
     * {@return the q-quantile of values already sorted in ascending order; see {@link #linear}}
     *
     * @param sorted at least one value, ascending
     * @param q the quantile, in [0, 1]
     */
    public static double linearOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("the quantile of no values is undefined");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        double virtualIndex = (sorted.length - 1) * q;
        int below = (int) Math.floor(virtualIndex);
        int above = Math.min(below + 1, sorted.length - 1);
        return lerp(sorted[below], sorted[above], virtualIndex - below);
    }

    /** numpy's {@code _lerp}: exact at both ends, interpolating from the nearer one. */
    private static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
