package dev.arraysweep.worker.sampling;

import java.util.Arrays;
import java.util.Random;

/**
 * Random draws of positions with given probabilities, from log-weights (so that softmax probabilities of
 * widely spread scores neither overflow nor vanish). Every draw takes its randomness from the caller's
 * generator only, so a restored generator repeats the same draws.
 */
final class WeightedDraw {
    private WeightedDraw() {}

    /** {@return the log-probabilities {@code log softmax(scores)}} */
    static double[] logSoftmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i] - log;
        }
        return out;
    }

    /** {@return {@code log(w)} of each weight (negative infinity for a zero weight)} */
    static double[] logOf(double[] weights) {
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(weights[i]);
        }
        return out;
    }

    /**
     * {@return {@code m} distinct positions drawn one after another, each with probability proportional to
     * its weight among those not drawn yet (numpy's {@code choice(n, m, replace=False, p)}), in draw order}
     * Uses exponential races (Efraimidis-Spirakis): position i gets the key {@code log(E_i) - logWeight_i}
     * with {@code E_i ~ Exp(1)}; the m smallest keys, ascending, are the draws. Zero weights come last, in
     * uniformly random order, and only when fewer than {@code m} weights are positive.
     */
    static int[] withoutReplacement(double[] logWeights, int m, Random rng) {
        return withoutReplacementDraw(logWeights, m, rng).positions();
    }

    /**
     * The outcome of a draw without replacement.
     *
     * @param positions the drawn positions, in draw order
     * @param logThreshold the log of the race key that came next, the {@code (m+1)}-th smallest (positive
     *     infinity when every position was drawn or the next key belongs to a zero weight): position i's race
     *     key is {@code E_i / w_i}, so given this threshold {@code t} it was drawn with probability
     *     {@code 1 - exp(-w_i t)}, as {@link ImportanceSampler}'s Horvitz-Thompson weights use it
     */
    record Draw(int[] positions, double logThreshold) {}

    /**
     * {@return the draw of {@link #withoutReplacement} (the same positions from the same generator state) with
     * the threshold its inclusion probabilities are conditioned on}
     */
    static Draw withoutReplacementDraw(double[] logWeights, int m, Random rng) {
        int n = logWeights.length;
        if (m > n) {
            throw new IllegalArgumentException("cannot draw " + m + " distinct positions from " + n);
        }
        double[] key = new double[n];
        double[] zeroKey = new double[n];
        for (int i = 0; i < n; i++) {
            double race = Math.log(-Math.log(1.0 - rng.nextDouble())); // log of an Exp(1) variate
            boolean positive = logWeights[i] != Double.NEGATIVE_INFINITY;
            key[i] = positive ? race - logWeights[i] : Double.POSITIVE_INFINITY;
            zeroKey[i] = positive ? Double.NEGATIVE_INFINITY : race;
        }
        Integer[] byKey = new Integer[n];
        for (int i = 0; i < n; i++) {
            byKey[i] = i;
        }
        Arrays.sort(
                byKey,
                (a, b) -> key[a] != key[b]
                        ? Double.compare(key[a], key[b])
                        : zeroKey[a] != zeroKey[b] ? Double.compare(zeroKey[a], zeroKey[b]) : Integer.compare(a, b));
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = byKey[i];
        }
        return new Draw(out, m < n ? key[byKey[m]] : Double.POSITIVE_INFINITY);
    }

    /** {@return {@code m} positions drawn independently, each with probability proportional to its weight} */
    static int[] withReplacement(double[] logWeights, int m, Random rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logWeights) {
            max = Math.max(max, l);
        }
        double[] cumulative = new double[logWeights.length];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += Math.exp(logWeights[i] - max);
            cumulative[i] = total;
        }
        int[] out = new int[m];
        for (int d = 0; d < m; d++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) { // the first position whose cumulative weight exceeds u
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[d] = lo;
        }
        return out;
    }
}
