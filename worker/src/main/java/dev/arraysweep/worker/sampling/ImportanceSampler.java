package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.eval.Quantiles;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * strategy steps through them and every trained sample carries a loss weight (the trainer minimises
 * {@code mean(w_i * l_i)}) that keeps the gradient unbiased (seed 002, eq. 1-2): {@code 1 / (N p_i)} per draw
 * with replacement, the Horvitz-Thompson weight without ({@link ImportanceWeights}). Seed 002's warm-up
 * weight {@code 1/N} is {@code 1/(N p_i)} with uniform {@code p_i = 1/N}, that is 1.
 */
public final class ImportanceSampler extends StrategyDecorator {
    private final double beta;
    private final int warmupEpochs;
    private final Integer samplesPerEpoch;
    private final boolean replacement;
    private final ImportanceWeights weighting;
    private Random rng;
    private double[] scores;
    private double[] logP; // this epoch's log-probabilities, null during warm-up
    private int draws; // this epoch's draws m
    private double logThreshold = Double.POSITIVE_INFINITY; // this epoch's (m+1)-th race key, without replacement
    private Double weightMax; // this epoch's largest draw weight; null in warm-up (or from an older checkpoint)
    private Double weightEss; // this epoch's effective sample size of the draw weights; null as weightMax

    /**
     * @param beta 0 for the last-loss score, the running-loss weight otherwise
     * @param samplesPerEpoch draws per epoch after warm-up, null for the training set size
     * @param weighting how a drawn sample's loss is weighted
     * @param rng the generator of the draws, seeded from the run's seed
     */
    public ImportanceSampler(
            SamplingStrategy inner,
            double beta,
            int warmupEpochs,
            Integer samplesPerEpoch,
            boolean replacement,
            ImportanceWeights weighting,
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
        this.weighting = Objects.requireNonNull(weighting, "weighting");
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
        draws = samplesPerEpoch == null ? n : samplesPerEpoch;
        if (!replacement && draws > n) {
            throw ExitException.badInput("samples_per_epoch " + draws + " cannot be drawn without replacement from " + n
                    + " training samples; lower it or set replacement: true");
        }
        logP = WeightedDraw.logSoftmax(scores);
        int[] drawn;
        if (replacement) {
            drawn = WeightedDraw.withReplacement(logP, draws, rng);
            logThreshold = Double.POSITIVE_INFINITY;
        } else {
            WeightedDraw.Draw draw = WeightedDraw.withoutReplacementDraw(logP, draws, rng);
            drawn = draw.positions();
            logThreshold = draw.logThreshold();
        }
        weighDraws(drawn);
        Shuffle.inPlace(drawn, rng);
        inner.startEpoch(epoch, drawn, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch batch = inner.nextStep(source);
        return batch == null || logP == null ? batch : source.withWeights(batch, weights(batch.indices()));
    }

    /**
     * Records the largest weight and the effective sample size {@code (sum w)^2 / sum w^2} over the epoch's
     * draws, each draw counted once, with the weight (as a float, what the loss carries) of {@link #weights}.
     */
    private void weighDraws(int[] drawn) {
        float[] w = weights(drawn);
        double sum = 0;
        double squares = 0;
        double max = 0;
        for (float x : w) {
            sum += x;
            squares += (double) x * x;
            max = Math.max(max, x);
        }
        weightMax = max;
        weightEss = squares == 0 ? 0 : sum * sum / squares;
    }

    /**
     * {@return the inner strategy's figures with this sampler's: the quantiles of all N scores as they stand
     * at the epoch's end, and the epoch's draw weights (null in warm-up)}
     */
    @Override
    public SamplerFigures endEpoch() {
        SamplerFigures inner = super.endEpoch();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return inner.withImportance(new ImportanceFigures(
                sorted[0],
                Quantiles.linearOfSorted(sorted, 0.10),
                Quantiles.linearOfSorted(sorted, 0.50),
                Quantiles.linearOfSorted(sorted, 0.90),
                sorted[sorted.length - 1],
                logP == null ? null : weightMax,
                logP == null ? null : weightEss));
    }

    /** {@return the loss weight of each index under this epoch's draw} */
    float[] weights(int[] indices) {
        float[] w = new float[indices.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) weighting.weight(logP[indices[i]], scores.length, draws, replacement, logThreshold);
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
            v.put("draws", draws);
            v.put("logThreshold", logThreshold);
            if (weightMax != null) {
                v.put("weightMax", weightMax);
                v.put("weightEss", weightEss);
            }
        }
        return withInner("importance", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("importance");
        rng = Rngs.restore((byte[]) v.get("rng"));
        scores = (double[]) v.get("scores");
        logP = (double[]) v.get("logP");
        if (logP != null) {
            // a checkpoint written before the threshold was kept finishes its epoch with q = 1, which is exact
            // for m = N and with replacement
            draws = v.get("draws") instanceof Integer d ? d : samplesPerEpoch == null ? logP.length : samplesPerEpoch;
            logThreshold = v.get("logThreshold") instanceof Double t ? t : Double.POSITIVE_INFINITY;
            // a checkpoint written before the weight figures were kept reports none for its epoch
            weightMax = v.get("weightMax") instanceof Double w ? w : null;
            weightEss = v.get("weightEss") instanceof Double e ? e : null;
        }
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "importance(" + (beta == 0 ? "last-loss" : "running-loss beta " + beta) + ", warm-up " + warmupEpochs
                + ", " + (samplesPerEpoch == null ? "N" : samplesPerEpoch) + (replacement ? " with" : " without")
                + " replacement, " + weighting.name().toLowerCase(Locale.ROOT).replace('_', '-') + " weights) > "
                + inner;
    }
}
