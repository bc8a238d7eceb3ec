package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code empty_fallback: top-up} around the filters: every step the inner strategy gives with fewer samples
 * than {@code size} is filled up to {@code size} with random samples, as the thesis fell back to random samples
 * when too few were accepted ("simply select random samples from the dataset, essentially defaulting back to
 * SGD", seed 004 l.1449-1457, after Alg. 5). The thesis does not say which random samples; these are drawn
 * uniformly without replacement, with this stage's own generator (seeded from the run's seed and saved in the
 * checkpoint), from the samples of the epoch's order that are not in the step: after an epoch filter that is
 * mostly the samples it rejected, but a sample it kept for another step of the epoch may be drawn too. The
 * filling samples are fetched afresh (augmented when the run augments) and not judged; they follow the step's
 * own samples.
 *
 * <p>Where steps fall short: after an epoch filter, its last mini-batch (or its only one, when it kept fewer
 * than {@code size}); after a selector with {@code k}, a pool of fewer than {@code k} samples. A batch filter's
 * steps are always full (accepted samples wait for the next epoch instead). An epoch without any step is the
 * whole-epoch fallback's ({@link EmptyFallback}), which {@code top-up} composes around this stage.
 *
 * <p>Figures: the filling samples count as trained, not as accepted; {@link #toppedUp} counts them.
 */
public final class TopUp extends StrategyDecorator {
    private final int size;
    private Random rng;
    private int[] order = new int[0];
    private long toppedUp;

    /**
     * @param size the samples every step trains on: {@code k} after a selector with one, else {@code batch_size}
     * @param rng the generator of the filling draws, seeded from the run's seed
     */
    public TopUp(SamplingStrategy inner, int size, Random rng) {
        super(inner);
        this.size = Positive.check("step size", size);
        this.rng = rng;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        this.order = order;
        toppedUp = 0;
        inner.startEpoch(epoch, order, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch step = inner.nextStep(source);
        if (step == null || step.size() >= size) {
            return step;
        }
        int[] extra = draw(step.indices(), size - step.size(), source.size());
        if (extra.length == 0) {
            return step;
        }
        toppedUp += extra.length;
        Batch fill = source.fetch(extra);
        Batch full = source.concat(List.of(step, fill));
        source.release(step);
        source.release(fill);
        return full;
    }

    /**
     * {@return up to {@code m} distinct samples of the epoch's order outside {@code step}, uniformly without
     * replacement, in draw order}
     */
    private int[] draw(int[] step, int m, int datasetSize) {
        boolean[] taken = new boolean[datasetSize];
        for (int i : step) {
            taken[i] = true;
        }
        int[] candidates = new int[order.length];
        int n = 0;
        for (int i : order) {
            if (!taken[i]) {
                taken[i] = true; // an order with repeats (a sampler's draws) offers each sample once
                candidates[n++] = i;
            }
        }
        int draws = Math.min(m, n);
        for (int d = 0; d < draws; d++) { // partial Fisher-Yates
            int j = d + rng.nextInt(n - d);
            int t = candidates[d];
            candidates[d] = candidates[j];
            candidates[j] = t;
        }
        int[] out = new int[draws];
        System.arraycopy(candidates, 0, out, 0, draws);
        return out;
    }

    /** {@return how many samples filled short steps this epoch} */
    public long toppedUp() {
        return toppedUp;
    }

    /** The filling samples add to what the inner strategy trained; accepted stays the inner strategy's. */
    @Override
    public SamplerFigures endEpoch() {
        EpochFigures f = EpochFigures.of(inner.endEpoch());
        f.trained += toppedUp;
        return f.snapshot();
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("rng", Rngs.save(rng));
        v.put("order", order.clone());
        v.put("toppedUp", toppedUp);
        return withInner("top-up", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("top-up");
        rng = Rngs.restore((byte[]) v.get("rng"));
        order = (int[]) v.get("order");
        toppedUp = (Long) v.get("toppedUp");
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "top-up(" + size + ") > " + inner;
    }
}
