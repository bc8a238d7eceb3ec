package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.ExitException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Importance sampling by loss (seed 002, Alg. 1). Every sample has a score, initially 0 (seed 002:
 * {@code S = 0}); after each training step the score of each trained sample becomes
 * {@code beta * score + (1 - beta) * loss} of its (unweighted) training loss: {@code beta = 0} is the
 * last-loss score, {@code 0 < beta <= 1} the running-loss score. Samples never trained on keep their score.
 *
 * <p>During the first {@code warmup} epochs an epoch is the plain shuffled order with equal weights. After
 * that, at each epoch start {@code p = softmax(scores)} over all N samples, {@code samples_per_epoch} (N by
 * default) indices are drawn with probability p, with or without replacement, and shuffled; the inner
 * strategy steps through them and every trained sample i carries the loss weight {@code w_i = 1 / (N p_i)}
 * (the trainer minimises {@code mean(w_i * l_i)}), which keeps the gradient unbiased (seed 002, eq. 1-2).
 * Seed 002's warm-up weight {@code 1/N} is {@code 1/(N p_i)} with uniform {@code p_i = 1/N}, that is 1.
 */
public final class ImportanceSampler extends StrategyDecorator {
    private final double beta;
    private final int warmupEpochs;
    private final Integer samplesPerEpoch;
    private final boolean replacement;
    private Random rng;
    private double[] scores;
    private double[] logP; // this epoch's log-probabilities, null during warm-up

    /**
     * @param beta 0 for the last-loss score, the running-loss weight otherwise
     * @param samplesPerEpoch draws per epoch after warm-up, null for the training set size
     * @param rng the generator of the draws, seeded from the run's seed
     */
    public ImportanceSampler(
            SamplingStrategy inner,
            double beta,
            int warmupEpochs,
            Integer samplesPerEpoch,
            boolean replacement,
            Random rng) {
        super(inner);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1], not " + beta);
        }
        if (warmupEpochs < 0 || (samplesPerEpoch != null && samplesPerEpoch < 1)) {
            throw new IllegalArgumentException(
                    "warm-up epochs must be >= 0 and samples per epoch >= 1: " + warmupEpochs + ", " + samplesPerEpoch);
        }
        this.beta = beta;
        this.warmupEpochs = warmupEpochs;
        this.samplesPerEpoch = samplesPerEpoch;
        this.replacement = replacement;
        this.rng = rng;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        int n = source.size();
        if (scores == null) {
            scores = new double[n];
        }
        if (epoch < warmupEpochs) {
            logP = null;
            inner.startEpoch(epoch, order, source);
            return;
        }
        int draws = samplesPerEpoch == null ? n : samplesPerEpoch;
        if (!replacement && draws > n) {
            throw ExitException.badInput("samples_per_epoch " + draws + " cannot be drawn without replacement from " + n
                    + " training samples; lower it or set replacement: true");
        }
        logP = WeightedDraw.logSoftmax(scores);
        int[] drawn = replacement
                ? WeightedDraw.withReplacement(logP, draws, rng)
                : WeightedDraw.withoutReplacement(logP, draws, rng);
        Shuffle.inPlace(drawn, rng);
        inner.startEpoch(epoch, drawn, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch batch = inner.nextStep(source);
        return batch == null || logP == null ? batch : source.withWeights(batch, weights(batch.indices()));
    }

    /** {@return {@code 1 / (N p_i)} of each index under this epoch's probabilities} */
    float[] weights(int[] indices) {
        double logN = Math.log(scores.length);
        float[] w = new float[indices.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.exp(-(logN + logP[indices[i]]));
        }
        return w;
    }

    /** {@return this epoch's sampling probabilities, or null during warm-up} */
    double[] probabilities() {
        if (logP == null) {
            return null;
        }
        double[] p = new double[logP.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logP[i]);
        }
        return p;
    }

    @Override
    public boolean wantsStepLosses() {
        return true;
    }

    @Override
    public void afterStep(Batch batch, float[] losses) {
        int[] idx = batch.indices();
        for (int i = 0; i < idx.length; i++) {
            scores[idx[i]] = beta * scores[idx[i]] + (1 - beta) * losses[i];
        }
        inner.afterStep(batch, losses);
    }

    /** {@return a copy of the current scores} */
    double[] scores() {
        return scores.clone();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("rng", Rngs.save(rng));
        if (scores != null) {
            v.put("scores", scores.clone());
        }
        if (logP != null) {
            v.put("logP", logP.clone());
        }
        return withInner("importance", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("importance");
        rng = Rngs.restore((byte[]) v.get("rng"));
        scores = (double[]) v.get("scores");
        logP = (double[]) v.get("logP");
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "importance(" + (beta == 0 ? "last-loss" : "running-loss beta " + beta) + ", warm-up " + warmupEpochs
                + ", " + (samplesPerEpoch == null ? "N" : samplesPerEpoch) + (replacement ? " with" : " without")
                + " replacement) > " + inner;
    }
}
