package dev.arraysweep.worker.sampling;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The thesis' density of the loss-weighted random selector: "the sorted loss is instead utilised as the to make
 * a probability density function for weighting the selection" (seed 004 l.1342-1350; again in 5.4,
 * l.2882-2885: "using the sorted losses to make a probability density function"). The text names no formula;
 * this is a density over the ranks of the sorted losses: the sample at ascending rank {@code r} (1 = lowest
 * loss, n = highest) gets probability {@code r^power / sum_j j^power}. At power 1 (the default of
 * {@code loss_weighting: rank}) it is linear in rank, {@code 2r / (n(n + 1))}; a higher power leans harder
 * towards the highest losses, and {@code power_decay} can lower it. It has the shape of the selection of Jiang
 * et al. [2019], whom l.1347 names as similar: probability {@code CDF(loss)^beta}, the percentile rank to a
 * power. Only the order of the losses matters, not their scale. Samples of equal loss share the mean of their
 * ranks (so the density does not depend on their positions in the pool).
 */
final class RankDensity {
    private RankDensity() {}

    /** {@return each sample's ascending rank among {@code losses}, 1-based, ties at the mean of their ranks} */
    static double[] ranks(float[] losses) {
        int n = losses.length;
        Integer[] ascending = new Integer[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
        }
        Arrays.sort(ascending, Comparator.comparingDouble((Integer i) -> losses[i]));
        double[] rank = new double[n];
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && Float.compare(losses[ascending[to]], losses[ascending[from]]) == 0) {
                to++;
            }
            double mean = (from + 1 + to) / 2.0; // ranks from + 1 .. to
            for (int j = from; j < to; j++) {
                rank[ascending[j]] = mean;
            }
            from = to;
        }
        return rank;
    }

    /** {@return {@code log(rank^power)} of each sample, the log-weights of the draw} */
    static double[] logWeights(float[] losses, double power) {
        double[] rank = ranks(losses);
        double[] out = new double[rank.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = power * Math.log(rank[i]);
        }
        return out;
    }

    /** {@return the probability of each sample to be drawn first: {@code rank^power}, normalised} */
    static double[] probabilities(float[] losses, double power) {
        double[] log = logWeights(losses, power);
        double[] p = WeightedDraw.logSoftmax(log);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i]);
        }
        return p;
    }
}
