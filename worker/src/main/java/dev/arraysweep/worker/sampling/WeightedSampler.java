package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.ExitException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Weighted sampling (seed 003): instead of duplicating heavy samples, draw them more often. Each epoch
 * draws {@code samples_per_epoch} (N by default) distinct samples one after another, each with probability
 * proportional to its weight among the samples not drawn yet (numpy's {@code choice(N, m, replace=False,
 * p=w/sum(w))}), and the inner strategy steps through them in draw order: the first mini-batch is a
 * weighted draw of the whole set, the next one of what is left, and so on. So the weights decide which
 * samples an epoch of fewer than N uses and how early in the epoch a sample comes; with N per epoch every
 * sample is used once. Samples of weight 0 come only after every positive-weight sample.
 * Training is unweighted: the sampling carries the weights.
 */
public final class WeightedSampler extends StrategyDecorator {
    private final SampleWeights weights;
    private final Integer samplesPerEpoch;
    private Random rng;
    private double[] logWeights;

    /**
     * @param samplesPerEpoch draws per epoch, null for the training set size
     * @param rng the generator of the draws, seeded from the run's seed
     */
    public WeightedSampler(SamplingStrategy inner, SampleWeights weights, Integer samplesPerEpoch, Random rng) {
        super(inner);
        if (samplesPerEpoch != null && samplesPerEpoch < 1) {
            throw new IllegalArgumentException("samples per epoch must be at least 1, not " + samplesPerEpoch);
        }
        this.weights = weights;
        this.samplesPerEpoch = samplesPerEpoch;
        this.rng = rng;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        if (logWeights == null) {
            logWeights = WeightedDraw.logOf(weights.resolve(source));
        }
        int n = logWeights.length;
        int draws = samplesPerEpoch == null ? n : samplesPerEpoch;
        if (draws > n) {
            throw ExitException.badInput("samples_per_epoch " + draws + " exceeds the " + n
                    + " training samples; weighted sampling draws without duplicating samples");
        }
        inner.startEpoch(epoch, WeightedDraw.withoutReplacement(logWeights, draws, rng), source);
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("rng", Rngs.save(rng));
        return withInner("weighted", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("weighted");
        rng = Rngs.restore((byte[]) v.get("rng"));
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "weighted(" + weights + ", " + (samplesPerEpoch == null ? "N" : samplesPerEpoch) + " per epoch) > "
                + inner;
    }
}
