package dev.arraysweep.worker.eval;

import java.util.Arrays;

/**
 * The distribution of per-sample losses over a split: count, mean, best (lowest), worst
 * (highest) and the linear quantiles 0.5, 0.9 and 0.99.
 *
 * <p>With no samples every figure except the count is NaN.
 *
 * @param count the number of samples
 * @param mean the mean loss
 * @param best the lowest loss
 * @param worst the highest loss
 * @param q50 the median loss
 * @param q90 the 0.9 quantile
 * @param q99 the 0.99 quantile
 */
public record LossSummary(long count, double mean, double best, double worst, double q50, double q90, double q99) {

    public LossSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    /**
     * {@return the summary of the given losses}
     *
     * @param losses per-sample losses, in any order (not modified)
     */
    public static LossSummary of(float[] losses) {
        double[] values = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            values[i] = losses[i];
        }
        return ofOwned(values);
    }

    /**
     * {@return the summary of the given losses}
     *
     * @param losses per-sample losses, in any order (not modified)
     */
    public static LossSummary of(double[] losses) {
        return ofOwned(losses.clone());
    }

    private static LossSummary ofOwned(double[] values) {
        if (values.length == 0) {
            return new LossSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return new LossSummary(
                values.length,
                sum / values.length,
                values[0],
                values[values.length - 1],
                Quantiles.linearOfSorted(values, 0.5),
                Quantiles.linearOfSorted(values, 0.9),
                Quantiles.linearOfSorted(values, 0.99));
    }
}
