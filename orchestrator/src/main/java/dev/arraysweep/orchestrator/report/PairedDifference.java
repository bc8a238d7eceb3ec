package dev.arraysweep.orchestrator.report;

import dev.arraysweep.orchestrator.results.Summary;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The paired difference of one figure, filtered run − archetype run with the same seed, over the seeds,
 * with a two-sided t-interval (n − 1 degrees of freedom) for its mean.
 *
 * @param n the number of pairs with finite values on both sides
 * @param mean the mean difference (NaN when n = 0)
 * @param std the sample standard deviation of the differences (NaN when n < 2)
 * @param low the interval's lower end (NaN when n < 2: one pair gives no interval)
 * @param high the interval's upper end (NaN when n < 2)
 */
public record PairedDifference(int n, double mean, double std, double low, double high) {
    /** Confidence level of the intervals. */
    static final double LEVEL = 0.95;

    /** {@return the paired difference of the given differences (filtered − archetype per seed)} */
    static PairedDifference of(List<Double> differences) {
        Summary s = Summary.of(differences);
        if (s.n() < 2) {
            return new PairedDifference(s.n(), s.mean(), Double.NaN, Double.NaN, Double.NaN);
        }
        double t = TDistribution.of(s.n() - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        double half = t * s.std() / Math.sqrt(s.n());
        return new PairedDifference(s.n(), s.mean(), s.std(), s.mean() - half, s.mean() + half);
    }

    /** {@return whether the interval excludes zero (the difference is unlikely to be seed noise)} */
    boolean excludesZero() {
        return n >= 2 && (low > 0 || high < 0);
    }
}
