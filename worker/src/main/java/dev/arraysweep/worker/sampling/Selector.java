package dev.arraysweep.worker.sampling;

import dev.arraysweep.worker.eval.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A loss-based selection from a pool of judged samples (thesis Alg. 3, 4 and 5, section 5.4): given the
 * pool's per-sample losses, the positions of the samples to train on, in ascending order.
 */
public sealed interface Selector {
    /** {@return the positions within the pool to train on, ascending (q-split may repeat a position)} */
    int[] select(float[] losses, Random rng);

    /** Top-k (Alg. 3): the {@code k} samples of highest loss (all of a smaller pool; ties: earlier first). */
    record TopK(int k) implements Selector {
        public TopK {
            Positive.check("k", k);
        }

        @Override
        public int[] select(float[] losses, Random rng) {
            Integer[] byLoss = positions(losses.length);
            Arrays.sort(byLoss, Comparator.comparingDouble((Integer i) -> -losses[i]));
            return sorted(
                    Arrays.stream(byLoss).limit(k).mapToInt(Integer::intValue).toArray());
        }

        @Override
        public String toString() {
            return "top-k(k=" + k + ")";
        }
    }

    /**
     * Top-q: every sample whose loss is at or above the pool's q-quantile (numpy's linear quantile), so
     * about {@code (1 - q)} of the pool and at least one sample.
     */
    record TopQ(double q) implements Selector {
        public TopQ {
            if (!(q > 0 && q < 1)) {
                throw new IllegalArgumentException("top-q needs a quantile q in (0, 1), not " + q);
            }
        }

        @Override
        public int[] select(float[] losses, Random rng) {
            double[] values = new double[losses.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = losses[i];
            }
            double threshold = Quantiles.linear(values, q);
            return IntStream.range(0, losses.length)
                    .filter(i -> losses[i] >= threshold)
                    .toArray();
        }

        @Override
        public String toString() {
            return "top-q(q=" + q + ")";
        }
    }

    /**
     * Loss-weighted random selection: {@code k} distinct samples drawn one after another with probability
     * proportional to {@code loss^power} among those not drawn yet (samples of zero loss only when fewer
     * than {@code k} have a positive one).
     */
    record LossWeighted(int k, double power) implements Selector {
        public LossWeighted {
            Positive.check("k", k);
            if (!(power > 0)) {
                throw new IllegalArgumentException("power must be positive, not " + power);
            }
        }

        @Override
        public int[] select(float[] losses, Random rng) {
            double[] logWeights = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                logWeights[i] = power * Math.log(losses[i]); // log(loss^power); -infinity for a zero loss
            }
            return sorted(WeightedDraw.withoutReplacement(logWeights, Math.min(k, losses.length), rng));
        }

        @Override
        public String toString() {
            return "loss-weighted(k=" + k + ", power=" + power + ")";
        }
    }

    /**
     * Loss-weighted random selection over the thesis' sorted-loss density ({@code loss_weighting: rank}, seed 004
     * l.1342-1350): {@code k} distinct samples drawn one after another with probability proportional to
     * {@code rank^power} among those not drawn yet, ranks of the pool's ascending losses (see
     * {@link RankDensity}).
     */
    record RankWeighted(int k, double power) implements Selector {
        public RankWeighted {
            Positive.check("k", k);
            if (!(power > 0)) {
                throw new IllegalArgumentException("power must be positive, not " + power);
            }
        }

        @Override
        public int[] select(float[] losses, Random rng) {
            return sorted(WeightedDraw.withoutReplacement(
                    RankDensity.logWeights(losses, power), Math.min(k, losses.length), rng));
        }

        @Override
        public String toString() {
            return "rank-weighted(k=" + k + ", power=" + power + ")";
        }
    }

    /**
     * Loss q-split (Alg. 4): samples sorted by ascending loss are cut into {@code q} buckets of equal
     * cumulative {@code loss^power}; a sample belongs to the bucket in which its share of the cumulative sum
     * ends. Each non-empty bucket gives an equal share of {@code min(k, pool)} samples (a remainder goes to
     * the highest-loss buckets), drawn uniformly without replacement, or, from a bucket smaller than its
     * share, all of its samples plus uniform draws with replacement: a bucket of a few high-loss samples
     * still makes up its 1/q of the step, as section 3.2.1 describes. A pool of zero total loss gives a
     * uniform random selection.
     */
    record QSplit(int k, int q, double power) implements Selector {
        public QSplit {
            Positive.check("k", k);
            if (q < 2) {
                throw new IllegalArgumentException("q-split needs at least 2 buckets, not " + q);
            }
            if (!(power > 0)) {
                throw new IllegalArgumentException("power must be positive, not " + power);
            }
        }

        @Override
        public int[] select(float[] losses, Random rng) {
            int n = losses.length;
            int m = Math.min(k, n);
            Integer[] ascending = positions(n);
            Arrays.sort(ascending, Comparator.comparingDouble((Integer i) -> losses[i]));
            double[] cumulative = new double[n];
            double total = 0;
            for (int j = 0; j < n; j++) {
                total += Math.pow(losses[ascending[j]], power);
                cumulative[j] = total;
            }
            if (!(total > 0) || Double.isInfinite(total)) {
                return sorted(draw(
                        Arrays.stream(ascending).mapToInt(Integer::intValue).toArray(), m, rng));
            }
            double bucketSize = total / q;
            List<List<Integer>> buckets = new ArrayList<>();
            for (int b = 0; b < q; b++) {
                buckets.add(new ArrayList<>());
            }
            for (int j = 0; j < n; j++) {
                int b = (int) Math.ceil(cumulative[j] / bucketSize) - 1;
                buckets.get(Math.max(0, Math.min(q - 1, b))).add(ascending[j]);
            }
            buckets.removeIf(List::isEmpty);
            int[] out = new int[m];
            int filled = 0;
            int c = buckets.size();
            for (int b = 0; b < c; b++) {
                int share = m / c + (b >= c - m % c ? 1 : 0);
                int[] members =
                        buckets.get(b).stream().mapToInt(Integer::intValue).toArray();
                int[] picked = draw(members, share, rng);
                System.arraycopy(picked, 0, out, filled, picked.length);
                filled += picked.length;
            }
            return sorted(out);
        }

        /** {@code share} of {@code members}: uniformly without replacement, topped up with replacement. */
        private static int[] draw(int[] members, int share, Random rng) {
            int[] pool = members.clone();
            int[] out = new int[share];
            int distinct = Math.min(share, pool.length);
            for (int i = 0; i < distinct; i++) { // partial Fisher-Yates
                int j = i + rng.nextInt(pool.length - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
                out[i] = pool[i];
            }
            for (int i = distinct; i < share; i++) {
                out[i] = members[rng.nextInt(members.length)];
            }
            return out;
        }

        @Override
        public String toString() {
            return "q-split(k=" + k + ", q=" + q + ", power=" + power + ")";
        }
    }

    private static Integer[] positions(int n) {
        Integer[] p = new Integer[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int[] sorted(int[] positions) {
        Arrays.sort(positions);
        return positions;
    }
}
