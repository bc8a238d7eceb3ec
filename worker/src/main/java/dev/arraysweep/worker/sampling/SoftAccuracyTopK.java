package dev.arraysweep.worker.sampling;

import dev.arraysweep.db.model.SamplerFigures;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Soft accuracy + top-k as thesis Alg. 6 writes it (seed 004 l.1470-1495, {@code soft_top_k: thesis}): of
 * each pool, the {@code k} <em>misclassified</em> samples of highest loss (Alg. 6 l.14-19: top-k "from the
 * filtered subset", the misclassified ones), then <em>every</em> marginal sample (l.6-13 and l.20: "Add all
 * soft filtered samples"), a correctly classified sample whose two highest softmax beliefs differ by at most
 * the margin. A step therefore trains on {@code min(k, misclassified) + marginal} samples, a varying number.
 * The other composition, {@code pooled} (the project's, before this class), is a {@link LossSelector} with
 * {@link Selector.TopK} over the soft filter's pool: misclassified and marginal samples ranked together, at
 * most {@code k} in all.
 *
 * <p>The pool is what the inner strategy would train on (the epoch filter's mini-batch or the batch filter's
 * step, both already soft-filtered), and it is judged again here in one forward that gives correctness,
 * losses and margins under the weights the step trains, as Alg. 6 judges its {@code D} (l.3-5). Choices the
 * pseudo-code leaves open: a marginal sample is one that is correct and that the filter's rule accepts (for the
 * soft rule: margin at most alpha, l.10); a correct sample that is not marginal (possible only when the pool was
 * judged under other weights, after an epoch filter) is dropped, as Alg. 6 drops it; ties in loss go to the
 * earlier sample (as {@link Selector.TopK}); the step's samples keep the pool's order, since the order of a
 * batch does not change its mean loss. Deterministic: no generator to checkpoint.
 */
public final class SoftAccuracyTopK extends StrategyDecorator {
    private final int k;
    private final AcceptanceRule rule;
    private final Set<Judgement.Part> parts;
    private final EpochFigures own = new EpochFigures();

    /**
     * @param k misclassified samples kept per pool
     * @param rule the soft filter's rule: the correct samples it accepts are the marginal ones
     */
    public SoftAccuracyTopK(SamplingStrategy inner, int k, AcceptanceRule rule) {
        super(inner);
        this.k = Positive.check("k", k);
        this.rule = rule;
        Set<Judgement.Part> p = EnumSet.of(Judgement.Part.CORRECT, Judgement.Part.LOSSES);
        p.addAll(rule.needs());
        this.parts = p;
    }

    /**
     * Alg. 6 on one judged pool. {@return the positions to train on, ascending: the {@code k} misclassified
     * positions of highest loss (ties: earlier first) and every correct position that {@code accepted} marks}
     */
    static int[] select(boolean[] correct, boolean[] accepted, float[] losses, int k) {
        int[] wrong = Positions.accepted(negate(correct));
        float[] wrongLosses = new float[wrong.length];
        for (int i = 0; i < wrong.length; i++) {
            wrongLosses[i] = losses[wrong[i]];
        }
        boolean[] keep = new boolean[correct.length];
        for (int t : new Selector.TopK(k).select(wrongLosses, null)) {
            keep[wrong[t]] = true;
        }
        for (int i = 0; i < correct.length; i++) {
            keep[i] |= correct[i] && accepted[i];
        }
        return Positions.accepted(keep);
    }

    private static boolean[] negate(boolean[] a) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = !a[i];
        }
        return out;
    }

    @Override
    public void startEpoch(int epoch, int[] order, SampleSource source) {
        own.reset();
        inner.startEpoch(epoch, order, source);
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch pool;
        while ((pool = inner.nextStep(source)) != null) {
            Judgement j = source.judge(pool, parts);
            int[] rows = select(j.correct(), rule.accept(j), j.losses(), k);
            own.rawForwarded += pool.size();
            own.accepted += rows.length;
            if (rows.length == pool.size()) {
                return pool;
            }
            Batch step = rows.length == 0 ? null : source.rows(pool, rows);
            source.release(pool);
            if (step != null) {
                return step;
            }
        }
        return null;
    }

    /** Pool forwards add to the inner strategy's; accepted and trained are the selected samples. */
    @Override
    public SamplerFigures endEpoch() {
        return EpochFigures.selected(inner.endEpoch(), own);
    }

    @Override
    public StrategyState saveState(SampleSource source) {
        Map<String, Serializable> v = new HashMap<>();
        v.put("figures", own.toArray());
        return withInner("soft-accuracy-top-k", v, source);
    }

    @Override
    public void restoreState(StrategyState state, SampleSource source) {
        Map<String, Serializable> v = state.valuesOf("soft-accuracy-top-k");
        own.fromArray((long[]) v.get("figures"));
        restoreInner(v, source);
    }

    @Override
    public String toString() {
        return "soft-accuracy-top-k(k=" + k + ", marginal: " + rule + ") > " + inner;
    }
}
