package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.ExitException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Weighted sampling (seed 003): instead of duplicating heavy samples, draw them more often. Two ways of
 * drawing, chosen by {@code replacement}:
 *
 * <ul>
 *   <li><b>With replacement</b> (seed 003 l.19-27, as the answer describes it): every draw picks sample i with
 *       probability {@code p_i = w_i / sum(w)} (l.23), independently of the other draws, as numpy's
 *       {@code random.choice(n, size, p=p)} does with its default {@code replace=True} (l.27). An epoch is
 *       {@code samples_per_epoch} (N by default) such draws in draw order, and the inner strategy cuts them into
 *       mini-batches; since the draws are independent, each mini-batch of {@code batch_size} is exactly such a
 *       {@code choice(n, batch_size, p=p)}. So the weights set frequencies: a sample of weight 1000 is trained
 *       about 1000 times as often as one of weight 1, and a batch may hold a sample more than once.</li>
 *   <li><b>Without replacement</b> (the project's earlier reading, kept for the runs made with it): each epoch
 *       draws {@code samples_per_epoch} distinct samples one after another, each with probability proportional
 *       to its weight among the samples not drawn yet (numpy's {@code choice(N, m, replace=False, p)}). With N
 *       per epoch every sample is used once, so the weights only set the order within the epoch (and, with
 *       fewer than N, which samples an epoch uses); samples of weight 0 come only after every positive one.</li>
 * </ul>
 *
 * Training is unweighted in both: the sampling carries the weights (the answer's alternative to duplicating).
 * Samples of weight 0 are never drawn with replacement.
 *
 * <p>The run parameter {@code replacement} defaults to {@code false} for weighted sampling, although the seed's
 * recipe is {@code true}: weighted runs made before the key applied to them drew without replacement and carry
 * no key, and normalisation cannot tell such a stored run from a new one that leaves the key out. A default of
 * {@code true} would make a stored run resume with other draws and would re-hash every weighted run of an
 * unchanged sweep file (retiring it). So {@code false} is the implicit value, left out of the run, and the seed's
 * behaviour is asked for with {@code replacement: true}.
 */
public final class WeightedSampler extends StrategyDecorator {
    private final SampleWeights weights;
    private final Integer samplesPerEpoch;
    private final boolean replacement;
    private Random rng;
    private double[] logWeights;

    /**
     * @param samplesPerEpoch draws per epoch, null for the training set size
     * @param replacement draw independently with replacement (seed 003), or distinct samples per epoch
     * @param rng the generator of the draws, seeded from the run's seed
     */
    public WeightedSampler(
            SamplingStrategy inner, SampleWeights weights, Integer samplesPerEpoch, boolean replacement, Random rng) {
        super(inner);
        if (samplesPerEpoch != null && samplesPerEpoch < 1) {
            throw new IllegalArgumentException("samples per epoch must be at least 1, not " + samplesPerEpoch);
        }
        this.weights = weights;
        this.samplesPerEpoch = samplesPerEpoch;
        this.replacement = replacement;
        this.rng = rng;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        if (logWeights == null) {
            logWeights = WeightedDraw.logOf(weights.resolve(source));
        }
        int n = logWeights.length;
        int draws = samplesPerEpoch == null ? n : samplesPerEpoch;
        if (replacement) {
            inner.startEpoch(epoch, WeightedDraw.withReplacement(logWeights, draws, rng), source);
            return;
        }
        if (draws > n) {
            throw ExitException.badInput("samples_per_epoch " + draws + " exceeds the " + n
                    + " training samples; weighted sampling without replacement draws each sample at most once per"
                    + " epoch: lower samples_per_epoch or set replacement: true");
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
        return "weighted(" + weights + ", " + (samplesPerEpoch == null ? "N" : samplesPerEpoch) + " per epoch"
                + (replacement ? " with" : " without") + " replacement) > " + inner;
    }
}
