package dev.arraysweep.worker.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

/** Drives a strategy the way the trainer does, recording the indices of each step. */
final class StrategyRuns {
    private StrategyRuns() {}

    /** {@return the indices of every step of one epoch over {@code order}} */
    static List<int[]> epoch(SamplingStrategy s, SampleSource src, int epoch, int[] order) {
        s.startEpoch(epoch, order, src);
        return rest(s, src);
    }

    /** {@return the indices of the remaining steps of the current epoch} */
    static List<int[]> rest(SamplingStrategy s, SampleSource src) {
        List<int[]> steps = new ArrayList<>();
        Batch b;
        while ((b = s.nextStep(src)) != null) {
            steps.add(b.indices());
        }
        return steps;
    }

    /**
     * {@return Pearson's chi-square statistic of {@code observed} counts against probabilities {@code p}}
     * Compare with the 0.999 quantile of chi-square with {@code p.length - 1} degrees of freedom: a correct
     * sampler exceeds it once in a thousand seeds, and the tests use one fixed seed.
     */
    static double chiSquare(long[] observed, double[] p) {
        long total = 0;
        for (long o : observed) {
            total += o;
        }
        double chi = 0;
        for (int i = 0; i < p.length; i++) {
            double expected = total * p[i];
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return chi;
    }

    /**
     * Asserts that {@code count} successes in {@code trials} fit success probability {@code p}: within four
     * binomial standard deviations {@code sqrt(trials p (1 - p))} of {@code trials p}. A correct sampler misses
     * that about once in 16,000 seeds, and the tests use one fixed seed.
     */
    static void assertBinomial(String what, long count, long trials, double p) {
        double sd = Math.sqrt(trials * p * (1 - p));
        assertThat((double) count)
                .as("%s: %d of %d, expected %.1f ± 4 × %.1f", what, count, trials, trials * p, sd)
                .isCloseTo(trials * p, within(4 * sd));
    }

    /** 0.999 quantiles of chi-square by degrees of freedom 1..8. */
    static final double[] CHI2_999 = {Double.NaN, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12};

    static int[] identity(int n) {
        return IndexOnlySource.identity(n);
    }
}
