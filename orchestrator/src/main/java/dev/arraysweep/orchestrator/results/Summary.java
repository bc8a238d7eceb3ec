package dev.arraysweep.orchestrator.results;

import java.util.List;

/**
 * Mean and sample standard deviation (n − 1) of one figure over the runs of a setting.
 *
 * @param n the number of finite values
 * @param mean their mean (NaN when n = 0)
 * @param std their sample standard deviation (NaN when n < 2)
 */
public record Summary(int n, double mean, double std) {
    /** {@return the summary of the finite values among {@code values}} */
    public static Summary of(List<Double> values) {
        double[] v = values.stream()
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (v.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        if (v.length < 2) {
            return new Summary(1, mean, Double.NaN);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new Summary(v.length, mean, Math.sqrt(ss / (v.length - 1)));
    }
}
