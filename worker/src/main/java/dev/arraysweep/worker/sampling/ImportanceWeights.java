package dev.arraysweep.worker.sampling;

/**
 * How importance sampling weights each drawn sample's loss (parameter {@code importance_weights}).
 *
 * <p>The trainer minimises {@code mean(w_i * l_i)} over each mini-batch; the mini-batches shuffle the epoch's
 * draw Z of {@code m} samples out of N, so an epoch follows {@code (1/m) sum_{i in Z} w_i l_i}. The weights
 * are unbiased when that has the expectation {@code (1/N) sum_i l_i}, the mean loss uniform SGD follows
 * (seed 002, eq. 2, l.44-46).
 */
public enum ImportanceWeights {
    /**
     * Unbiased for both draw modes. With replacement every draw of sample i weighs {@code 1 / (N p_i)} (seed
     * 002, eq. 1, l.42; Hansen-Hurwitz: i is drawn {@code m p_i} times on average). Without replacement the
     * sample weighs {@code m / (N q_i)} with {@code q_i} its probability of being in the draw (Horvitz-Thompson),
     * which is 1 for every sample when {@code m = N}. The draw is successive sampling by exponential races
     * (see {@link WeightedDraw#withoutReplacementDraw}): sample i's key is {@code E_i / p_i}, the m smallest
     * keys are drawn. Its unconditional inclusion probabilities have no closed form, so {@code q_i} is the
     * inclusion probability conditioned on the (m+1)-th smallest key {@code t}: {@code q_i = 1 - exp(-p_i t)}.
     * This is exact, not an approximation: given the other samples' keys, i is drawn exactly when its key is
     * below the m-th smallest of theirs, and whenever it is drawn that key is {@code t}, so
     * {@code E[1{i in Z} / q_i] = 1} (priority sampling: Duffield, Lund and Thorup 2007, J. ACM 54(6); the same
     * estimator for the Gumbel-top-k trick: Kool, van Hoof and Welling 2019, ICML).
     */
    HORVITZ_THOMPSON,
    /**
     * Seed 002's weight as Alg. 1 writes it (l.84): {@code 1 / (N p_i)} for every drawn sample, with or without
     * replacement. Without replacement it is biased (with {@code m = N} every sample is drawn once, yet a
     * sample of low score weighs {@code mean(e^S) / e^{S_i}}); kept to reproduce runs made before the
     * Horvitz-Thompson weights.
     */
    INVERSE_PROBABILITY;

    /**
     * {@return the loss weight of a drawn sample}
     *
     * @param logP the sample's log-probability {@code log p_i} in this epoch's softmax
     * @param n the training set size N
     * @param m the samples drawn this epoch
     * @param replacement whether the draw was with replacement
     * @param logThreshold the log of the draw's (m+1)-th race key (without replacement; positive infinity when
     *     {@code m = N})
     */
    double weight(double logP, int n, int m, boolean replacement, double logThreshold) {
        if (this == INVERSE_PROBABILITY || replacement) {
            return Math.exp(-(Math.log(n) + logP));
        }
        double q = logThreshold == Double.POSITIVE_INFINITY ? 1 : -Math.expm1(-Math.exp(logP + logThreshold));
        return m / (n * q);
    }
}
